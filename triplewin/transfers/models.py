"""Transfers of value from a company to a partner organisation, and each year's disclosure.

A transfer of value is recorded per project, per calendar year and per recipient, with the
money and the value of any benefits in kind. Once the company has marked a year disclosed,
that year's rows are frozen: a later change is a new correction row, which may be negative,
exactly as Disclosure UK itself handles corrections.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from triplewin.core import disclosure
from triplewin.core.dates import long_date
from triplewin.organisations.models import Organisation

# Joint working began in 2008; nothing earlier can belong to a partnership here.
FIRST_YEAR = 2008
LAST_YEAR = 2100
ZERO = Decimal("0.00")

C = disclosure.Category


class Category(models.TextChoices):
    # The same values and labels as the plain-Python core, which the export reads.
    JOINT_COLLABORATIVE = C.JOINT_COLLABORATIVE.value, "Joint or collaborative working"
    DONATIONS_GRANTS = C.DONATIONS_GRANTS.value, "Donations and grants"
    SPONSORSHIP = C.SPONSORSHIP.value, "Sponsorship of events"
    REGISTRATION_FEES = C.REGISTRATION_FEES.value, "Registration fees"
    TRAVEL_ACCOMMODATION = C.TRAVEL_ACCOMMODATION.value, "Travel and accommodation"
    FEES_FOR_SERVICE = C.FEES_FOR_SERVICE.value, "Fees for service and consultancy"
    RELATED_EXPENSES = C.RELATED_EXPENSES.value, "Related expenses"


class TransferQuerySet(models.QuerySet["TransferOfValue"]):
    def public(self, today: dt.date) -> TransferQuerySet:
        """Transfers on projects whose executive summary is public: all the register shows."""
        return self.filter(
            project__executive_summary__published_on__isnull=False,
            project__executive_summary__published_on__lte=today,
        )


class TransferOfValue(models.Model):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="transfers_of_value"
    )
    company = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="transfers_made",
        help_text="The company that made the transfer.",
    )
    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="transfers_received",
        help_text="The organisation that received it.",
    )
    year = models.PositiveSmallIntegerField(
        "Calendar year",
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    category = models.CharField(max_length=32, choices=Category.choices)
    amount_money = models.DecimalField("Money (£)", max_digits=12, decimal_places=2, default=ZERO)
    amount_benefits_in_kind = models.DecimalField(
        "Benefits in kind (£)",
        max_digits=12,
        decimal_places=2,
        default=ZERO,
        help_text="The value of staff time, equipment, services or other non-cash support.",
    )
    is_correction = models.BooleanField(
        "This row corrects an earlier one",
        default=False,
        help_text="Corrections may be negative. Say what they correct in the note.",
    )
    note = models.TextField(blank=True)
    # The company's own id for the row, when its finance system sent it (the API): how a
    # year sent again is matched to what is already recorded.
    reference = models.CharField(max_length=100, blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    row_version = models.PositiveIntegerField(default=1)

    objects = TransferQuerySet.as_manager()

    class Meta:
        ordering = ("year", "recipient__name", "id")
        verbose_name = "transfer of value"
        verbose_name_plural = "transfers of value"
        indexes = [
            models.Index(fields=["project", "year"], name="tov_project_year"),
            models.Index(fields=["company", "year"], name="tov_company_year"),
            models.Index(fields=["recipient", "year"], name="tov_recipient_year"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "company", "reference"],
                condition=~models.Q(reference=""),
                name="tov_reference_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_category_display()} to {self.recipient}: £{self.total:,.2f}"

    @property
    def total(self) -> Decimal:
        return (self.amount_money or ZERO) + (self.amount_benefits_in_kind or ZERO)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        money = self.amount_money or ZERO
        kind = self.amount_benefits_in_kind or ZERO
        if money == ZERO and kind == ZERO:
            errors["amount_money"] = "Enter the money, the value of benefits in kind, or both."
        if (money < ZERO or kind < ZERO) and not self.is_correction:
            errors["is_correction"] = (
                "Negative amounts are only allowed as corrections: tick the correction box "
                "and say what it corrects."
            )
        if self.is_correction and not self.note.strip():
            errors["note"] = "Say which earlier row this corrects and why."
        if self.company_id and self.recipient_id and self.company_id == self.recipient_id:
            errors["recipient"] = "A company cannot record a transfer to itself."
        if errors:
            raise ValidationError(errors)


class DisclosedYear(models.Model):
    """A company's statement that it has disclosed one project's transfers for one year."""

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="disclosed_years"
    )
    company = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    disclosed_on = models.DateField(
        "Date submitted to Disclosure UK",
        help_text="The day the company submitted this year's figures.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("year", "company__name")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "company", "year"], name="unique_disclosed_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} disclosed {self.year} on {long_date(self.disclosed_on)}"


class ContractedService(models.Model):
    """A service a company contracts from an organisation outside the partnership.

    Patient organisations cannot be partners, but a company may contract one to deliver a
    service that supports the project. The provider is not a party to the agreement, and the
    contracted value is published on the company's own website rather than on Disclosure UK
    (NHS Confederation/ABPI guidance 2024, Appendix 2; ADR 0021).
    """

    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="contracted_services"
    )
    company = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="services_contracted",
        help_text="The company that contracted the service.",
    )
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="services_provided",
        help_text="The organisation contracted to deliver it; never a partner.",
    )
    service = models.TextField("What the service is")
    year = models.PositiveSmallIntegerField(
        "Calendar year paid",
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    value = models.DecimalField(
        "Contracted value (£)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    published_url = models.URLField(
        "Page on the company's website that lists the value", max_length=500, blank=True
    )
    published_on = models.DateField("Date the value was published", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    row_version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("year", "provider__name", "id")

    def __str__(self) -> str:
        return f"{self.year} service from {self.provider}: £{self.value:,.2f}"

    def clean(self) -> None:
        if bool(self.published_url) != bool(self.published_on):
            missing = "published_on" if self.published_url else "published_url"
            raise ValidationError(
                {missing: "Give both the page's address and the day the value went up."}
            )
