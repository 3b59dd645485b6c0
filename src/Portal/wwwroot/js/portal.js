// The viewer's time zone, for the server to show provider boards in it. Set before Blazor starts, so the
// first render already has it; a change (travel, a new laptop) is picked up on the next page load.
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && document.cookie.indexOf("viewer-tz=" + encodeURIComponent(zone)) < 0) {
            document.cookie = "viewer-tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
        }
    } catch (e) { /* an old browser: boards stay in UTC, and say so */ }
})();

// Keyboard shortcuts: a page registers a .NET object and the keys it answers; typing in a field never triggers one.
window.backOffice = window.backOffice || {};
window.backOffice.shortcuts = (function () {
    var handlers = [];
    document.addEventListener("keydown", function (e) {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        var t = e.target;
        if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
        for (var i = handlers.length - 1; i >= 0; i--) {
            if (handlers[i].keys.indexOf(e.key) >= 0) {
                e.preventDefault();
                handlers[i].target.invokeMethodAsync("OnShortcut", e.key);
                return;
            }
        }
    });
    return {
        register: function (target, keys) { var h = { target: target, keys: keys }; handlers.push(h); return handlers.length; },
        unregister: function (target) { handlers = handlers.filter(function (h) { return h.target !== target; }); }
    };
})();

// The skip link moves focus, not just the scroll position: Blazor's router takes in-page links over and only scrolls.
document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest ? e.target.closest("a.skip-link") : null;
    if (!link) return;
    var target = document.getElementById("main-content");
    if (!target) return;
    e.preventDefault();
    e.stopPropagation();
    target.focus();
}, true);
