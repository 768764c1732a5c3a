// Starts the NHS.UK frontend components; loaded as a module so no inline script is needed.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";
import { initPickers } from "./picker.js";

initAll();
initPickers();

// NHS.UK's file upload puts its status ("No file chosen") right against its button text, so the
// visible label reads "chosenChoose file" and no longer matches the button's accessible name
// (WCAG 2.5.3, label in name: voice control users say what they see). A space keeps them apart.
for (const status of document.querySelectorAll(".nhsuk-file-upload__status")) {
  status.after(" ");
}

// Tables on a phone: NHS.UK's responsive table pattern, applied to every table with column
// headings, so that each row becomes a card whose cells carry their column's heading (hidden
// from screen readers, which read the table's own headings; shown only below the tablet width).
// Without JavaScript the stylesheet lets a wide table scroll inside itself instead of the page.
const ROLES = [
  ["thead", "rowgroup"],
  ["tbody", "rowgroup"],
  ["tr", "row"],
  ["thead th", "columnheader"],
  ["tbody th", "rowheader"],
  ["tbody td", "cell"],
];

function makeResponsive(table) {
  const headings = [...table.querySelectorAll(":scope > thead > tr:last-child > th")].flatMap(
    (th) => Array(th.colSpan || 1).fill(th.textContent.trim()),
  );
  if (headings.length < 2) return;
  table.classList.add("nhsuk-table-responsive");
  table.setAttribute("role", "table");
  for (const [selector, role] of ROLES) {
    for (const element of table.querySelectorAll(selector)) {
      if (element.closest("table") === table) element.setAttribute("role", role);
    }
  }
  table.querySelector(":scope > thead")?.classList.add("nhsuk-table__head");
  for (const body of table.querySelectorAll(":scope > tbody")) {
    body.classList.add("nhsuk-table__body");
    for (const row of body.rows) {
      row.classList.add("nhsuk-table__row");
      let column = 0;
      for (const cell of row.cells) {
        cell.classList.add(cell.tagName === "TH" ? "nhsuk-table__header" : "nhsuk-table__cell");
        const heading = cell.colSpan === 1 ? headings[column] : "";
        column += cell.colSpan;
        if (!heading) continue;
        const content = document.createElement("span");
        content.append(...cell.childNodes);
        const label = document.createElement("span");
        label.className = "nhsuk-table-responsive__heading";
        label.setAttribute("aria-hidden", "true");
        label.textContent = `${heading} `;
        cell.append(label, content);
      }
    }
  }
}

for (const table of document.querySelectorAll("table.nhsuk-table:not(.nhsuk-table-responsive)")) {
  makeResponsive(table);
}
