"""Report how far the archive's analysis agrees with Lucene's test vectors."""


def pytest_terminal_summary(terminalreporter):
    ran = [
        report
        for reports in terminalreporter.stats.values()
        for report in reports
        if hasattr(report, "nodeid")
    ]
    if not any("test_peer_vectors" in report.nodeid for report in ran):
        return
    from tests.search.test_peer_vectors import agreement_rates

    rates = ", ".join(
        f"{kind} {agree}/{total} ({agree / total:.0%})" for kind, (agree, total) in agreement_rates().items()
    )
    terminalreporter.write_line(f"agreement with Lucene's Arabic test vectors: {rates}")
