/*
 * pngdiff.c — compares two renderings the way a reader would: both PNGs
 * (the same size) in grey, softened by a 3×3 box blur so that a glyph's
 * anti-aliasing one pixel off does not count, then the share of pixels
 * whose grey differs by more than a tenth of the range.
 *
 * Usage: pngdiff EXPECTED.png ACTUAL.png [MAX-PERCENT]   (default 1)
 * Prints "N of M pixels differ (P %)"; exits 0 when P <= MAX-PERCENT,
 * 1 when more differ or the sizes differ, 2 when a file cannot be read.
 */
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>

/* Returns the picture as grey values 0..255, blurred (caller frees). */
static double *
grey_blurred (cairo_surface_t *s, int w, int h)
{
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (img);
  cairo_set_source_rgb (cr, 1, 1, 1);   /* transparent parts read as paper */
  cairo_paint (cr);
  cairo_set_source_surface (cr, s, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (img);
  const unsigned char *data = cairo_image_surface_get_data (img);
  int stride = cairo_image_surface_get_stride (img);
  double *grey = malloc (sizeof *grey * (size_t) w * h), *out = malloc (sizeof *out * (size_t) w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const unsigned char *p = data + y * stride + 4 * x;
        grey[y * w + x] = 0.299 * p[2] + 0.587 * p[1] + 0.114 * p[0];
      }
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        double sum = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            if (y + dy >= 0 && y + dy < h && x + dx >= 0 && x + dx < w)
              sum += grey[(y + dy) * w + x + dx], n++;
        out[y * w + x] = sum / n;
      }
  free (grey);
  cairo_surface_destroy (img);
  return out;
}

static cairo_surface_t *
load (const char *path)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "pngdiff: cannot read %s: %s\n", path, cairo_status_to_string (cairo_surface_status (s)));
      exit (2);
    }
  return s;
}

int
main (int argc, char **argv)
{
  if (argc < 3 || argc > 4)
    {
      fprintf (stderr, "usage: pngdiff EXPECTED.png ACTUAL.png [MAX-PERCENT]\n");
      return 2;
    }
  double max = argc == 4 ? atof (argv[3]) : 1.0;
  cairo_surface_t *a = load (argv[1]), *b = load (argv[2]);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  if (w != cairo_image_surface_get_width (b) || h != cairo_image_surface_get_height (b))
    {
      printf ("sizes differ: %dx%d and %dx%d\n", w, h, cairo_image_surface_get_width (b),
              cairo_image_surface_get_height (b));
      return 1;
    }
  double *ga = grey_blurred (a, w, h), *gb = grey_blurred (b, w, h);
  long differ = 0;
  for (long i = 0; i < (long) w * h; i++)
    if (ga[i] - gb[i] > 25.5 || gb[i] - ga[i] > 25.5)
      differ++;
  double percent = 100.0 * differ / ((double) w * h);
  printf ("%ld of %ld pixels differ (%.2f %%)\n", differ, (long) w * h, percent);
  free (ga);
  free (gb);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return percent <= max ? 0 : 1;
}
