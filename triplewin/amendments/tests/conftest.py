from triplewin.amendments.tests.fixtures import amendment, submitted_amendment  # noqa: F401
from triplewin.delivery.tests.fixtures import in_delivery, pid_in_delivery  # noqa: F401
from triplewin.pid.tests.fixtures import (  # noqa: F401
    approved,
    committees,
    complete_pid,
    in_setup,
    nhs_governance,
    signatory,
    submitted,
    wired,
)
