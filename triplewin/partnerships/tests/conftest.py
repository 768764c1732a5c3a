# The PID's fixtures, for the next-steps tests that need a submitted PID version.
from triplewin.pid.tests.fixtures import (  # noqa: F401
    complete_pid,
    in_setup,
    nhs_governance,
    signatory,
    submitted,
)
