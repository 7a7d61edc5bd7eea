/* The main menu's disclosure buttons (WAI-ARIA APG "disclosure navigation").
 *
 * Without this script every group's links are listed under its name and the
 * small-screen "Menu" button stays hidden. With it, each group is a button
 * with aria-expanded that shows or hides its list: Enter and Space toggle it
 * (it is a real <button>), Escape closes it and puts focus back on the button,
 * Tab and Shift+Tab move through the links as usual, and moving focus or
 * clicking outside closes it. Loaded in <head> so that the "js" class is set
 * before the menu is first drawn; no inline script (Content-Security-Policy). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function listOf(button) {
    return document.getElementById(button.getAttribute("aria-controls"));
  }

  function isOpen(button) {
    return button.getAttribute("aria-expanded") === "true";
  }

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var list = listOf(button);
    if (!list) {
      return;
    }
    list.classList.remove("nav-group-items-end");
    // A list that would run past the right edge opens towards the left instead.
    if (open && list.getBoundingClientRect().right > document.documentElement.clientWidth) {
      list.classList.add("nav-group-items-end");
    }
  }

  function init() {
    var nav = document.querySelector(".main-nav");
    if (!nav) {
      return;
    }
    var toggles = Array.prototype.slice.call(nav.querySelectorAll(".nav-group-toggle"));
    var menuToggle = nav.querySelector(".main-nav-toggle");

    function closeAll(except) {
      toggles.forEach(function (button) {
        if (button !== except && isOpen(button)) {
          setOpen(button, false);
        }
      });
    }

    toggles.forEach(function (button) {
      var group = button.closest("[data-nav-group]");
      button.addEventListener("click", function () {
        var open = !isOpen(button);
        closeAll(button);
        setOpen(button, open);
      });
      group.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && isOpen(button)) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(button, false);
          button.focus();
        }
      });
      group.addEventListener("focusout", function (event) {
        // relatedTarget is null when focus leaves the page (another window);
        // the list then stays as the user left it.
        if (event.relatedTarget && !group.contains(event.relatedTarget)) {
          setOpen(button, false);
        }
      });
    });

    if (menuToggle) {
      menuToggle.addEventListener("click", function () {
        menuToggle.setAttribute("aria-expanded", isOpen(menuToggle) ? "false" : "true");
      });
      nav.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && isOpen(menuToggle) && getComputedStyle(menuToggle).display !== "none") {
          menuToggle.setAttribute("aria-expanded", "false");
          menuToggle.focus();
        }
      });
    }

    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) {
        closeAll(null);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
