#!/usr/bin/env python3
"""Checks that the man pages and the bash completion describe what the binaries print.

usage: check_manpages.py COWHERD COWHERDCTL MANDIR COMPLETION VERSION

Every option of `cowherd --help` must appear in cowherd.1; every option and every command of
`cowherdctl --help` must appear in cowherdctl.1 (each command with its own .SS section) and in the
bash completion. The man pages must also format without groff warnings and name VERSION in
their .TH line.
"""
import os
import re
import subprocess
import sys


def help_text(binary):
    # The section headings parsed below are the untranslated ones.
    env = dict(os.environ, QT_QPA_PLATFORM='offscreen', LC_ALL='C.UTF-8', LANGUAGE='')
    result = subprocess.run([binary, '--help'], capture_output=True, text=True, env=env, check=True)
    return result.stdout


def options(text):
    """Long and short options from the 'Options:' section of a QCommandLineParser help."""
    found = set()
    section = None
    for line in text.splitlines():
        if line and not line.startswith(' '):
            section = line.rstrip(':')
            continue
        if section == 'Options' and line.lstrip().startswith('-'):
            spec = line.strip().split('  ')[0]
            found.update(re.findall(r'(?<![\w-])(--?[A-Za-z][\w-]*)', spec))
    return found


def commands(text):
    found = []
    section = None
    for line in text.splitlines():
        if line and not line.startswith(' '):
            section = line.rstrip(':')
            continue
        if section == 'Commands' and line.strip():
            found.append(line.split()[0])
    return found


def man_source(path):
    with open(path, encoding='utf-8') as f:
        # In troff a literal hyphen is written \-.
        return f.read().replace('\\-', '-')


def mentions(source, word):
    return re.search(r'(?<![\w-])' + re.escape(word) + r'(?![\w-])', source) is not None


def groff_warnings(path):
    env = dict(os.environ, LC_ALL='C.UTF-8', MANROFFSEQ='', MANWIDTH='80')
    result = subprocess.run(['man', '--warnings', '-E', 'UTF-8', '-l', '-Tutf8', '-Z', path],
                            capture_output=True, text=True, env=env)
    return result.returncode, result.stderr.strip()


def main():
    cowherd, cowherdctl, mandir, completion_path, version = sys.argv[1:6]
    failures = []

    gui_help = help_text(cowherd)
    ctl_help = help_text(cowherdctl)
    gui_options, ctl_options, ctl_commands = options(gui_help), options(ctl_help), commands(ctl_help)
    # Guard the parsers themselves: an empty list would make every check below pass.
    for what, found, expected in (('cowherd options', gui_options, '--config'),
                                  ('cowherdctl options', ctl_options, '--host'),
                                  ('cowherdctl commands', ctl_commands, 'scan')):
        if expected not in found:
            failures.append(f'could not read {what} from --help (no {expected}): {sorted(found)}')

    gui_man = man_source(os.path.join(mandir, 'cowherd.1'))
    ctl_man = man_source(os.path.join(mandir, 'cowherdctl.1'))
    with open(completion_path, encoding='utf-8') as f:
        completion = f.read()

    for option in sorted(gui_options):
        if not mentions(gui_man, option):
            failures.append(f'cowherd.1 does not describe {option} (printed by cowherd --help)')
    for option in sorted(ctl_options):
        if not mentions(ctl_man, option):
            failures.append(f'cowherdctl.1 does not describe {option} (printed by cowherdctl --help)')
        if option.startswith('--') and option != '--help-all' and not mentions(completion, option):
            failures.append(f'the bash completion does not offer {option}')
    for command in ctl_commands:
        if not re.search(r'^\.SS "' + re.escape(command) + r'[ "]', ctl_man, re.M):
            failures.append(f'cowherdctl.1 has no section for the command {command}')
        if not mentions(completion, command):
            failures.append(f'the bash completion does not offer the command {command}')

    for page, source in (('cowherd.1', gui_man), ('cowherdctl.1', ctl_man)):
        if not re.search(r'^\.TH .*"Cowherd ' + re.escape(version) + '"', source, re.M):
            failures.append(f'{page}: the .TH line does not say "Cowherd {version}"')
        code, warnings = groff_warnings(os.path.join(mandir, page))
        if code != 0 or warnings:
            failures.append(f'{page} does not format cleanly (exit {code}): {warnings}')

    for failure in failures:
        print('FAIL:', failure)
    print(f'checked {len(gui_options)} cowherd options, {len(ctl_options)} cowherdctl options, '
          f'{len(ctl_commands)} commands')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
