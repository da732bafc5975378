// Accessibility: Material's search overlay has role="dialog" but no accessible name.
// Name it after its input's placeholder so screen readers announce what the dialog is for.
document$.subscribe(() => {
  const dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
  if (!dialog) return;
  const input = dialog.querySelector("input.md-search__input");
  dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
});
