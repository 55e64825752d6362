// Applies the saved or system theme before first paint, so there is no flash of the wrong theme.
(function () {
  try {
    var saved = localStorage.getItem("improview.theme");
    var dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    document.documentElement.classList.toggle("dark", dark);
  } catch (e) {
    /* storage unavailable: keep the light default */
  }
})();
