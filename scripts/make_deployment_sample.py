#!/usr/bin/env python3
"""Writes the sample deployment's index and its invented clusters (assets/data): Cluster I (assets/data/cum1,
written by make_sample_data.py) plus four invented clusters and blocks from `thidua synth`, renamed so that their
units read as Vietnamese names and every name says it is an illustration ("Minh hoạ"). Every file of those clusters
is "synthetic": true, so the app shows its MINH HOẠ badge on every screen.

Usage: /usr/bin/python3 scripts/make_deployment_sample.py [THIDUA_CLI] [OUT_DIR]"""
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'native', 'thidua')
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'assets', 'data')
MINISTRY = 'Bộ Tài nguyên và Môi trường'

# id, name, kind, unit name pattern (N = 1..members), seed
INVENTED = [
    ('cum2', 'Cụm thi đua số II (minh hoạ)', 'cluster', 'Sở TN&MT Minh hoạ {n} (Cụm II)', 11),
    ('cum3', 'Cụm thi đua số III (minh hoạ)', 'cluster', 'Sở TN&MT Minh hoạ {n} (Cụm III)', 23),
    ('khoi1', 'Khối thi đua số I (minh hoạ)', 'block', 'Đơn vị thuộc Bộ Minh hoạ {n} (Khối I)', 37),
    ('khoi2', 'Khối thi đua số II (minh hoạ)', 'block', 'Đơn vị thuộc Bộ Minh hoạ {n} (Khối II)', 53),
]


def rename(text, name, unit, kind):
    def full(m):
        return unit.format(n=int(m.group(1)))
    text = re.sub(r'Sở Tài nguyên và Môi trường tỉnh Tổng hợp (\d{4})', full, text)
    text = re.sub(r'Sở TN&MT Tổng hợp (\d{4})', full, text)
    text = re.sub(r'[Tt]ỉnh Tổng hợp (\d{4})', lambda m: 'Địa bàn minh hoạ %d' % int(m.group(1)), text)
    text = text.replace('Cụm thi đua tổng hợp', name).replace('Cụm TH', name.split(' (')[0])
    text = text.replace('Bộ Tổng hợp', MINISTRY).replace('Bộ TH', 'Bộ TN&MT')
    text = text.replace('(dữ liệu tổng hợp)', '(dữ liệu minh hoạ)').replace('Tổng Hợp', 'Minh Hoạ')
    text = text.replace('tổng hợp', 'minh hoạ').replace('Tổng hợp', 'Minh hoạ')
    if kind == 'block':
        text = text.replace('"classification": "emulation_cluster"', '"classification": "emulation_block"')
    return text


def main():
    # Cluster I is real, but its scores, ballots and proposals are illustrative (the app badges it too).
    clusters = [{'id': 'cum1', 'name': 'Cụm thi đua số I', 'kind': 'cluster', 'parent': MINISTRY,
                 'synthetic': True}]
    for cid, name, kind, unit, seed in INVENTED:
        out = os.path.join(OUT, cid)
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([CLI, 'synth', '--members', '6', '--criteria', '4', '--years', '6', '--seed', str(seed), out],
                       check=True, stdout=subprocess.DEVNULL)
        for folder, _, files in os.walk(out):
            for f in files:
                path = os.path.join(folder, f)
                with open(path, encoding='utf-8') as fh:
                    text = fh.read()
                text = rename(text, name, unit, kind)
                if f == 'datapackage.json':
                    text = text.replace('"name": "synthetic"', '"name": "%s"' % cid)
                with open(path, 'w', encoding='utf-8') as fh:
                    fh.write(text)
        clusters.append({'id': cid, 'name': name, 'kind': kind, 'parent': MINISTRY, 'synthetic': True})
    index = {'format': 'thidua.deployment', 'schema_version': 1,
             'name': 'Các cụm, khối thi đua – ' + MINISTRY, 'clusters': clusters}
    with open(os.path.join(OUT, 'deployment.json'), 'w', encoding='utf-8') as fh:
        fh.write(json.dumps(index, ensure_ascii=False, indent=2, sort_keys=True) + '\n')
    for c in clusters:
        subprocess.run([CLI, 'check', os.path.join(OUT, c['id'])], check=True, stdout=subprocess.DEVNULL)
    print('wrote deployment.json and %d invented clusters to %s' % (len(INVENTED), OUT))


main()
