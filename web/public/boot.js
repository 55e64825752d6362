// Runs before the app bundle, from <head>.
(function () {
  // The current route's code-split chunks, listed in index.html at build time
  // (scripts/route-chunks.mjs): fetched alongside the entry rather than after it has run.
  try {
    var routes = JSON.parse(document.getElementById("route-chunks").textContent);
    for (var pattern in routes) {
      if (!new RegExp(pattern).test(location.pathname)) continue;
      routes[pattern].forEach(function (href) {
        var link = document.createElement("link");
        link.rel = "modulepreload";
        link.crossOrigin = "";
        link.href = href;
        document.head.appendChild(link);
      });
    }
  } catch (e) {
    /* no list (the dev server): the router fetches each chunk when it needs it */
  }
  // On a problem page, ask for what the page needs while the bundle downloads rather than after
  // it has run; the app takes these responses instead of fetching again (lib/api-client.ts).
  var match = /^\/problems\/([^/]+)$/.exec(location.pathname);
  if (match && window.fetch) {
    var early = (window.__improviewEarly = {});
    var get = function (path, headers) {
      headers.Accept = "application/json";
      early[path] = fetch(path, { headers: headers });
    };
    get("/api/problems/" + match[1], {});
    get("/api/catalog", {});
  }
  // The saved or system theme, applied before first paint: no flash of the wrong theme.
  try {
    var saved = localStorage.getItem("improview.theme");
    var dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch (e) {
    /* storage unavailable: keep the light default */
  }
})();
