#!/usr/bin/env python3
"""Writes N rows of batch-grading input (CSV: id,question_id,answer,candidate) built from the bank's own phrases.

Usage: generate.py ROWS OUT.csv [RUBRICS_DIR]
Answers mix key-point phrases with filler, so every grade does real matching work; a few rows per thousand are
deliberately bad (unknown question, empty answer) to exercise the error path. Deterministic (fixed seed).
"""
import csv
import glob
import os
import random
import re
import sys

rows = int(sys.argv[1])
out = sys.argv[2]
rubrics = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "..", "rubrics", "mlops-es")

questions = {}
for path in sorted(glob.glob(os.path.join(rubrics, "questions", "*.yaml"))):
    text = open(path, encoding="utf-8").read()
    qid = re.search(r"^id:\s*(\S+)", text, re.M).group(1)
    phrases = []
    for line in re.findall(r"^\s*-\s*\[(.*)\]\s*$", text, re.M):
        phrases.extend(p.strip() for p in line.split(",") if p.strip())
    questions[qid] = phrases or ["modelo"]
if not questions:
    sys.exit(f"no questions found under {rubrics}/questions")

filler = ("en mi experiencia el equipo revisaba cada semana los resultados y ajustábamos el proceso "
          "para que el sistema fuera fiable y fácil de mantener a largo plazo").split()
rng = random.Random(42)
ids = sorted(questions)
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "question_id", "answer", "candidate"])
    for i in range(rows):
        qid = rng.choice(ids)
        words = []
        for _ in range(rng.randint(4, 10)):
            words.extend(rng.sample(filler, 5))
            if rng.random() < 0.6:
                words.append(rng.choice(questions[qid]))
        answer = " ".join(words).capitalize() + "."
        if i % 1000 == 7:
            qid = "no-such-question"
        elif i % 1000 == 13:
            answer = ""
        w.writerow([f"r{i + 1}", qid, answer, f"candidate-{i % 500:03d}"])
