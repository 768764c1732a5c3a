from triplewin.pid.tests.fixtures import (  # noqa: F401
    committees,
    complete_pid,
    in_setup,
    nhs_governance,
    signatory,
    submitted,
)
