// Host filter: shows the hosts whose board, id or drivers contain the typed text.
(function () {
  var input = document.getElementById("host-filter");
  var count = document.getElementById("host-count");
  var hosts = Array.prototype.slice.call(document.querySelectorAll("section.host"));
  function apply() {
    var needle = input.value.trim().toLowerCase();
    var shown = 0;
    hosts.forEach(function (host) {
      var match = needle === "" || host.getAttribute("data-search").indexOf(needle) >= 0;
      host.classList.toggle("hidden", !match);
      if (match) shown += 1;
    });
    count.textContent = shown + " of " + hosts.length + " hosts";
  }
  input.addEventListener("input", apply);
  apply();
  document.body.setAttribute("data-ready", String(hosts.length));
})();
