// The cite box's copy button: it copies the reference as the page shows it.
// Without this script the button stays hidden and the reference can be selected by hand.
"use strict";

for (const button of document.querySelectorAll("button[data-copy]")) {
  const reference = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".copy-status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      // The clipboard is offered to secure pages only (HTTPS, or the machine itself).
      await navigator.clipboard.writeText(reference.innerText.trim());
      status.textContent = "نُسخ المرجع.";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(reference);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = "تعذّر النسخ من الصفحة: المرجع محدَّد، فانسخه بنفسك (Ctrl+C).";
    }
  });
}
