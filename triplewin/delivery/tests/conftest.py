from triplewin.delivery.tests.fixtures import (  # noqa: F401
    in_delivery,
    one_hidden_off_track,
    pid_in_delivery,
    terminable,
    with_funded_post,
)
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
