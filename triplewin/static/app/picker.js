// The partner picker (config.picker.GroupedCheckboxes): NHS services' accessible-autocomplete
// above grouped checkboxes. Choosing a name ticks its box; the form posts the boxes, so the
// page works the same without JavaScript. The search box has no name, so it is never posted.
import "../autocomplete/accessible-autocomplete.min.js";

function labelText(box) {
  return document.querySelector(`label[for="${box.id}"]`)?.textContent.trim() ?? box.value;
}

function setUp(picker) {
  const slot = picker.querySelector("[data-tw-picker-search]");
  const boxes = [...picker.querySelectorAll("input[type=checkbox]")];
  if (!slot || !boxes.length || !window.accessibleAutocomplete) return;
  const byName = new Map(
    boxes.map((box) => [
      labelText(box),
      { box, group: box.closest("fieldset")?.querySelector("legend")?.textContent.trim() ?? "" },
    ]),
  );
  const id = `${picker.id}-search`;
  const label = document.createElement("label");
  label.className = "nhsuk-label";
  label.htmlFor = id;
  label.textContent = picker.dataset.searchLabel || "Find by name";
  const hint = document.createElement("div");
  hint.className = "nhsuk-hint";
  hint.id = `${id}-hint`;
  hint.textContent = "Type part of a name, then choose it: its box below is ticked.";
  const holder = document.createElement("div");
  const status = document.createElement("p");
  status.className = "nhsuk-body-s tw-picker__status";
  status.setAttribute("role", "status");
  slot.classList.add("nhsuk-form-group");
  slot.append(label, hint, holder, status);

  window.accessibleAutocomplete({
    element: holder,
    id,
    name: "",
    minLength: 1,
    showNoOptionsFound: true,
    tNoResults: () => "No organisation with that name",
    source(query, populate) {
      const wanted = query.trim().toLowerCase();
      const startsAWord = (name) =>
        name.toLowerCase().split(/[\s(,-]+/).some((word) => word.startsWith(wanted));
      const found = [...byName.keys()].filter(
        (name) => name.toLowerCase().includes(wanted) && !byName.get(name).box.checked,
      );
      // Names with a word starting with what was typed come first ("ast" finds AstraZeneca
      // before "East Midlands").
      populate([...found.filter(startsAWord), ...found.filter((name) => !startsAWord(name))]);
    },
    onConfirm(name) {
      const chosen = byName.get(name);
      if (!chosen) return;
      chosen.box.checked = true;
      chosen.box.dispatchEvent(new Event("change", { bubbles: true }));
      status.textContent = `${name} added: ticked under “${chosen.group}”.`;
    },
  });
  document.getElementById(id)?.setAttribute("aria-describedby", hint.id);
}

export function initPickers() {
  for (const picker of document.querySelectorAll("[data-tw-picker]")) setUp(picker);
}
