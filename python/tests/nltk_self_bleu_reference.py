"""Self-BLEU with NLTK's own sentence_bleu: the reference the Java metrics are checked against.

Each text is tokenised as the paper does (text.lower().split()) and scored by nltk sentence_bleu against
every other text as a reference, with no smoothing (NLTK's method0) and with method1.

    python nltk_self_bleu_reference.py IN.json OUT.json [--hypotheses K] [--smoothing none,method1]

IN.json: {"texts": [...]}.  OUT.json: {"nltk_version": ..., "scores": {"none": [...], "method1": [...]},
"seconds": {...}}, scores of the first K texts (all when K is not given), floats written exactly (repr).
"""
import argparse
import json
import os
import time
import warnings

import nltk
from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu

SMOOTHING = {"none": None, "method1": SmoothingFunction().method1}


def self_bleu_scores(samples, smoothing, hypotheses):
    scores = []
    for h in range(hypotheses):
        references = samples[:h] + samples[h + 1:]
        scores.append(float(sentence_bleu(references, samples[h], smoothing_function=SMOOTHING[smoothing])))
    return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--hypotheses", type=int, default=None, help="score only the first K texts")
    parser.add_argument("--smoothing", default="none,method1", help="comma-separated: none, method1")
    args = parser.parse_args()
    with open(args.input, encoding="utf-8") as f:
        samples = [text.lower().split() for text in json.load(f)["texts"]]
    hypotheses = len(samples) if args.hypotheses is None else min(args.hypotheses, len(samples))
    result = {"nltk_version": nltk.__version__, "hypotheses": hypotheses, "references_each": len(samples) - 1,
              "scores": {}, "seconds": {}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # method0 warns on every zero-match order; the value is unaffected
        for smoothing in args.smoothing.split(","):
            start = time.perf_counter()
            result["scores"][smoothing] = self_bleu_scores(samples, smoothing, hypotheses)
            result["seconds"][smoothing] = time.perf_counter() - start
    with open(args.output + ".tmp", "w", encoding="utf-8") as f:
        json.dump(result, f)
    os.replace(args.output + ".tmp", args.output)


if __name__ == "__main__":
    main()
