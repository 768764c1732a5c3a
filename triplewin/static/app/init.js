// Starts the NHS.UK frontend components; loaded as a module so no inline script is needed.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

initAll();

// NHS.UK's file upload puts its status ("No file chosen") right against its button text, so the
// visible label reads "chosenChoose file" and no longer matches the button's accessible name
// (WCAG 2.5.3, label in name: voice control users say what they see). A space keeps them apart.
for (const status of document.querySelectorAll(".nhsuk-file-upload__status")) {
  status.after(" ");
}
