"""The register's filter drop-downs: every choice printed as safely as any template value."""

from __future__ import annotations

from triplewin.register.filters import Choice, Select


def test_filter_choices_are_cleaned_and_escaped_as_the_template_would():
    select = Select(
        "organisation",
        "Organisation",
        "Any organisation",
        [
            Choice('7" onmouseover="x', "<script>alert(1)</script> & Co"),
            Choice("8", "Bell\x07 Trust, patient 943 476 5919"),
        ],
        "8",
    )
    html = str(select.options_html)
    assert html == (
        '<option value="7&#34; onmouseover=&#34;x">'
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</option>"
        '<option value="8" selected>Bell Trust, patient 943 *** **19</option>'
    )
