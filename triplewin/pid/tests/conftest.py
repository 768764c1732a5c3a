from triplewin.pid.tests.fixtures import (  # noqa: F401
    approved,
    committees,
    complete_pid,
    drafted,
    in_setup,
    nhs_governance,
    signatory,
    signed,
    submitted,
    wired,
)
