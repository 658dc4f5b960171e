"""Search quality through the real search box in Chromium: each topic query must
bring its page into the top five results. Some are deliberately hard: synonyms,
abbreviations and two-word phrases."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# (query, the page that must appear in the top 5)
QUERIES = [
    # The method and the chapters
    ("CLEAR method", "framework/"),
    ("cheat sheet", "framework/cheat-sheet/"),
    ("interviewer signals", "framework/"),
    ("go deeper", "framework/"),
    ("self-review checklist", "mistakes/self-review/"),
    ("data leakage", "mistakes/"),
    ("latency budget", "estimation/"),
    ("seconds per day", "estimation/"),
    ("back-of-the-envelope", "estimation/"),
    ("study plan", ""),
    # Deep dives, including abbreviations and jargon
    ("NDCG", "deep-dives/evaluation-metrics/"),
    ("normalized entropy", "deep-dives/evaluation-metrics/"),
    ("pinball loss", "deep-dives/evaluation-metrics/"),
    ("PIT join", "deep-dives/feature-stores/"),
    ("point-in-time", "deep-dives/feature-stores/"),
    ("training-serving skew", "deep-dives/feature-stores/"),
    ("HNSW", "deep-dives/embeddings-and-retrieval/"),
    ("product quantization", "deep-dives/embeddings-and-retrieval/"),
    ("logQ correction", "deep-dives/embeddings-and-retrieval/"),
    ("canary", "deep-dives/serving-patterns/"),
    ("sample size", "deep-dives/serving-patterns/"),
    ("interleaving", "deep-dives/serving-patterns/"),
    ("PSI", "deep-dives/monitoring-and-feedback-loops/"),
    ("Kolmogorov", "deep-dives/monitoring-and-feedback-loops/"),
    ("concept drift", "deep-dives/monitoring-and-feedback-loops/"),
    ("ZeRO", "deep-dives/training-pipelines/"),
    ("retraining cadence", "deep-dives/training-pipelines/"),
    # Question bank, by the words candidates use
    ("news feed", "questions/news-feed-ranking/"),
    ("click-through rate", "questions/ad-ctr-prediction/"),
    ("autocomplete", "questions/query-autocomplete/"),
    ("delivery time", "questions/delivery-eta/"),
    ("surge pricing", "questions/surge-pricing/"),
    ("churn", "questions/churn-prediction/"),
    ("chargebacks", "questions/payment-fraud/"),
    ("bots", "questions/fake-account-detection/"),
    ("street view", "questions/face-plate-blurring/"),
    ("duplicate questions", "questions/duplicate-questions/"),
    ("RAG", "questions/rag-document-search/"),
    ("PYMK", "questions/people-you-may-know/"),
    ("similar listings", "questions/similar-listings/"),
    ("vacation rental", "questions/rental-search-ranking/"),
    ("frequently bought together", "questions/product-recommendations/"),
    ("push notifications", "questions/notification-ranking/"),
    ("grocery demand", "questions/demand-forecasting/"),
    # Companies and walkthroughs
    ("Michelangelo", "companies/uber/"),
    ("Monolith", "companies/tiktok/"),
    ("mock walkthrough", "walkthroughs/"),
]


def test_there_are_at_least_40_queries_each_for_a_real_page(built_site):
    assert len(QUERIES) >= 40
    for _, page in QUERIES:
        assert (built_site / page / "index.html").is_file(), page


def test_each_query_finds_its_page_in_the_top_five(watch):
    watch.goto()
    page = watch.page
    page.wait_for_load_state("networkidle")  # the search worker has the index
    misses = []
    box = page.locator("input.md-search__input")
    top5 = ("() => [...document.querySelectorAll('.md-search-result__list > .md-search-result__item')]"
            ".slice(0, 5).map(li => li.querySelector('a.md-search-result__link').href)")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function("() => !/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=60_000)
    last = None
    for query, expected in QUERIES:
        # Typing key by key queues one search per keystroke in Material's worker;
        # setting the text and releasing a key sends the whole query at once.
        box.fill(query)
        box.press("End")
        # Wait (up to 5 s) for the list to change from the previous query's, then
        # for five readings 100 ms apart to agree.
        for _ in range(50):
            if page.evaluate(top5) not in (last, []):
                break
            page.wait_for_timeout(100)
        readings = [page.evaluate(top5)]
        while len(readings) < 5 or any(r != readings[-1] for r in readings[-5:]):
            page.wait_for_timeout(100)
            readings.append(page.evaluate(top5))
        hrefs = last = readings[-1]
        paths = [urlsplit(h).path.lstrip("/") for h in hrefs]
        if expected not in paths:
            misses.append(f"{query!r}: expected {expected or 'home'} in top 5, got {paths}")
    assert not misses, "\n".join(misses)
    assert watch.errors == []
