#!/usr/bin/python3
"""Validates data files against assets/schema with python3-jsonschema (Draft 2020-12): every file of the sample
dataset, a fresh `thidua synth` dataset and the valid fixtures; and checks that the committed schemas equal what
`thidua schema` generates from the C++ reader's field lists. Usage: validate.py THIDUA_BINARY [SOURCE_DIR]"""
import json, os, subprocess, sys, tempfile
from jsonschema import Draft202012Validator

thidua = sys.argv[1]
root = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schema_dir = os.path.join(root, 'assets', 'schema')
validators = {}
for name in sorted(os.listdir(schema_dir)):
    schema = json.load(open(os.path.join(schema_dir, name), encoding='utf-8'))
    Draft202012Validator.check_schema(schema)
    validators[name[:-len('.schema.json')]] = Draft202012Validator(schema)
failures = []
counted = 0

def validate_tree(folder, label):
    global counted
    for dirpath, _, names in os.walk(folder):
        for n in sorted(names):
            if not n.endswith('.json'):
                continue
            path = os.path.join(dirpath, n)
            doc = json.load(open(path, encoding='utf-8'))
            v = validators.get(doc.get('format'))
            if v is None:
                failures.append('%s: no schema for format %r' % (path, doc.get('format')))
                continue
            for e in v.iter_errors(doc):
                failures.append('%s:/%s: %s' % (path, '/'.join(str(p) for p in e.absolute_path), e.message[:200]))
            counted += 1

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([thidua, 'schema', os.path.join(tmp, 'schema')], check=True)
    for name in sorted(os.listdir(os.path.join(tmp, 'schema'))):
        if open(os.path.join(tmp, 'schema', name), 'rb').read() != open(os.path.join(schema_dir, name), 'rb').read():
            failures.append('assets/schema/%s differs from `thidua schema` output; run: thidua schema assets/schema' % name)
    validate_tree(os.path.join(root, 'assets', 'data'), 'sample')
    subprocess.run([thidua, 'synth', '--members', '5', '--criteria', '12', '--years', '2', '--seed', '7', os.path.join(tmp, 'synth')], check=True)
    validate_tree(os.path.join(tmp, 'synth'), 'synth')
    validate_tree(os.path.join(root, 'tests', 'fixtures', 'valid'), 'fixtures')

for f in failures:
    print(f)
print('%d files validated, %d problems' % (counted, len(failures)))
sys.exit(1 if failures or counted < 60 else 0)
