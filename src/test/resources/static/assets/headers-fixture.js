export const fixture = "a static asset for SecurityHeadersEverywhereTests";
