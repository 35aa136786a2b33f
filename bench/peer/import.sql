-- The peer's import: the sqlite3 shell reading the same CSV files into plain
-- tables (the header row names the columns).  Run from the data directory.
.import --csv roster.csv roster
.import --csv expectations.csv expectations
