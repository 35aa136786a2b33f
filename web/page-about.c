/*
 * page-about.c — the pages about the service itself, readable before
 * signing in: the accessibility statement (tillgänglighetsredogörelse)
 * that the law on accessible digital public services (DOS-lagen) asks of
 * every public body's web service.
 *
 * A barrier is reported to the organisation's HR, who run the service:
 * the statement names no address of its own, so that it is right for
 * every organisation without a setting.
 */
#include "page.h"

void
dk_page_accessibility (Request *r)
{
  DkHtml *h = dk_page_start (r, T ("Accessibility statement"));
  dk_html_element (h, "p", T ("This statement is about digikomp, the service your organisation uses to rate "
                              "digital competence and to plan what to learn. It covers every page of the service."));
  dk_html_element (h, "p", T ("Your organisation runs the service. As a public body, it must follow the Swedish law "
                              "on accessible digital public services (lagen om tillgänglighet till digital offentlig "
                              "service, DOS-lagen)."));

  dk_html_element (h, "h2", T ("How accessible the service is"));
  dk_html_element (h, "p", T ("Everyone should be able to use the service: with a screen reader, with the keyboard "
                              "only, on a phone and with large text. The service meets WCAG 2.1 (the Web Content "
                              "Accessibility Guidelines) at level AA."));
  dk_html_element (h, "p", T ("We check every page with the tool axe-core, and by using it with the keyboard only. "
                              "The pages work without JavaScript."));

  dk_html_element (h, "h2", T ("What is not accessible"));
  dk_html_element (h, "p", T ("The plan as a PDF file is not tagged for screen readers. The same plan is on the page "
                              "Your development plan, which works with a screen reader."));
  dk_html_element (h, "p", T ("We know of no other problems. If you find one, please tell us."));

  dk_html_element (h, "h2", T ("Tell us about a problem"));
  dk_html_element (h, "p", T ("If something does not work for you, or if you need the content in another form, "
                              "contact the HR department of your organisation. Say which page it is and what went "
                              "wrong. They make sure it is looked at."));

  dk_html_element (h, "h2", T ("Supervision"));
  dk_html_element (h, "p", T ("The Agency for Digital Government (Myndigheten för digital förvaltning, DIGG) "
                              "supervises the law. If you are not happy with the answer to your report, you can "
                              "report it to DIGG."));
  dk_page_link_para (h, "https://www.digg.se/tdosanmalan", T ("Report a problem with accessibility to DIGG"));
  dk_web_answer_page (r, 200, h);
}
