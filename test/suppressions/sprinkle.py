#!/usr/bin/env python3
"""Compare two hardock jars on suppressions over the corpus, which holds no hardock-ignore comment of its own.

Copies ../shared/corpus to a temporary folder and writes a directive at each line that has findings in
BEFORE_JSON (hardock -f json over the corpus): above the line (with the line's indentation), after it (not in
Dockerfiles), naming one extra rule that may be unused, or with a blank line after it (seeded, so both jars see
the same files). Then runs both jars with -f json over the copy and prints the findings only one of them gives.

usage: test/suppressions/sprinkle.py BEFORE_JSON OLD_JAR NEW_JAR [CORPUS]
"""
import json, os, random, shutil, subprocess, sys, tempfile
from collections import Counter


def sprinkle(corpus, findings, dst):
    random.seed(7)
    shutil.copytree(corpus, dst)
    by = {}
    for f in findings:
        if f['ruleId'] != 'HD001':
            by.setdefault(f['file'], {}).setdefault(f['line'], set()).add(f['ruleId'])
    for path, per in by.items():
        p = os.path.join(dst, path)
        try:
            lines = open(p, encoding='utf-8').read().split('\n')
        except (OSError, UnicodeDecodeError):
            continue
        dockerfile = 'dockerfiles/' in path or path.endswith('Dockerfile')
        for line in sorted(per, reverse=True):
            if not 1 <= line <= len(lines):
                continue
            rules = sorted(per[line])
            l = lines[line - 1]
            ind = l[:len(l) - len(l.lstrip())]
            r = random.random()
            if r < 0.25 and not dockerfile:
                lines[line - 1] = l + '  # hardock-ignore ' + ', '.join(rules) + ': trailing'
            elif r < 0.35:
                lines.insert(line - 1, ind + '# hardock-ignore ' + rules[0] + ', HD101: one used, one maybe not')
            elif r < 0.40:
                lines[line - 1:line - 1] = [ind + '# hardock-ignore ' + rules[0] + ': with a blank line after', '']
            else:
                lines.insert(line - 1, ind + '# hardock-ignore ' + ', '.join(rules) + ': above')
        open(p, 'w', encoding='utf-8').write('\n'.join(lines))


def run(jar, folder):
    out = subprocess.run(['java', '-jar', jar, '-f', 'json', '-j', '2', '.'], cwd=folder, capture_output=True, text=True)
    return {(f['file'], f['line'], f['column'], f['endLine'], f['endColumn'], f['ruleId'])
            for f in json.loads(out.stdout)['findings']}


def main():
    before_json, old_jar, new_jar = sys.argv[1:4]
    corpus = sys.argv[4] if len(sys.argv) > 4 else os.path.join(os.path.dirname(__file__), '../../../shared/corpus')
    with tempfile.TemporaryDirectory() as tmp:
        dst = os.path.join(tmp, 'corpus')
        sprinkle(corpus, json.load(open(before_json))['findings'], dst)
        a, b = run(os.path.abspath(old_jar), dst), run(os.path.abspath(new_jar), dst)
    for name, only in (('only old', a - b), ('only new', b - a)):
        print(name, len(only), Counter(x[5] for x in only).most_common())
        for x in sorted(only):
            print(' ', name[5:], *x)


if __name__ == '__main__':
    main()
