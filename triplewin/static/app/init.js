// Starts the NHS.UK frontend components; loaded as a module so no inline script is needed.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

initAll();
