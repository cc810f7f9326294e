#!/usr/bin/env python3
"""Runs migrate-driver on one annotated input, clang-tidy's lit style, and checks it.

usage: check_migrate_driver.py TOOL FILECHECK APPLY_REPLACEMENTS INPUT.cc MAPPINGS_DIR INPUTS_DIR
                               WORK_DIR

The input says what to run and what must come out, in comments:
  // ARGS: --mode=dual                 extra migrate-driver arguments (default: none)
  // MAPPING: fuchsia.hardware.gpioimpl  a mapping from MAPPINGS_DIR, else INPUTS_DIR/mappings
                                       (repeatable; default that one; "none" for no mapping)
  // MAPPING-TEXT: {...}               instead, a mapping file with this text
  // DATABASE: missing | without-file  no compile database / one that does not list the input
  // EXIT: 1                           the expected exit status (default 0)
  // CHECK-FIXES: text                 FileCheck patterns over the rewritten file
  // CHECK-MESSAGES: :[[@LINE-1]]:1: warning: ...   FileCheck patterns over stderr
  // REPORT: json | md                 also write --report, checked by CHECK-REPORT patterns
  // BUILD.gn: line                    a line of a BUILD.gn beside the input (repeatable; same
  // CMakeLists.txt: line              for CMakeLists.txt), checked by CHECK-GN / CHECK-CMAKE
  // HEADER: gpio_server.h             a file of lit/headers/ beside the input (repeatable), blanked
                                       like it; its own CHECK-FIXES lines are checked over what
                                       it becomes (its CHECK-MESSAGES go in the input)
  // ALSO-SOURCE: other.cc             a file of lit/headers/ compiled and given too (repeatable)
  // SECOND-RUN-EXIT: 0                what the first run left needs the second (a banjo call in a
                                       banjo server, migrated once the server is), or its only
                                       warnings were about what it rewrote (a server to publish
                                       by hand): the second run ends so; a third changes nothing
The CHECK comments are blanked before the tool runs (line numbers stay). Exit 0 must leave a
file that compiles and that a second run leaves unchanged (ending with the same status); exit 2
must leave the file untouched; --export-fixes applied by clang-apply-replacements
(APPLY_REPLACEMENTS) must give what --fix wrote. Every warning must be matched by a
CHECK-MESSAGES line.
"""
import json
import os
import re
import shutil
import subprocess
import sys

BLANKED = "//~"


def annotations(text, key):
    return re.findall(r"^// %s: (.*)$" % re.escape(key), text, re.M)


def filecheck(filecheck_bin, check_file, prefix, text, extra=()):
    run = subprocess.run([filecheck_bin, check_file, "--check-prefix=" + prefix,
                          "--dump-input=fail"] + list(extra), input=text, text=True,
                         capture_output=True)
    if run.returncode != 0:
        sys.exit("%s failed:\n%s" % (prefix, run.stderr))


def include_blocks_sorted(text):
    """`text` with each run of #include lines sorted: clang-apply-replacements' cleanup sorts
    the block an edit touched, which --fix leaves in the author's order."""
    out, block = [], []
    for line in text.splitlines(True) + [""]:
        if line.startswith("#include"):
            block.append(line)
            continue
        out += sorted(block)
        block = []
        out.append(line)
    return "".join(out)


def main():
    tool, filecheck_bin, apply_replacements, source, mappings_dir, inputs_dir, work = sys.argv[1:8]
    original = open(source).read()
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    name = os.path.basename(source)
    target = os.path.join(work, name)
    # Blank the checks, keeping the lines (messages name them): the tool must not see them, and
    # FileCheck does not see the blanked lines (so CHECK-FIXES-NEXT means the next code line).
    blanked = re.sub(r"// *CHECK-[A-Z-]*:[^\n]*", BLANKED, original)
    open(target, "w").write(blanked)
    # Companion files: headers (rewritten with --header-filter) and other given sources.
    companions = {}  # name -> (source path, blanked text)
    headers_dir = os.path.join(os.path.dirname(source), "headers")
    for companion in annotations(original, "HEADER") + annotations(original, "ALSO-SOURCE"):
        path = os.path.join(headers_dir, companion)
        text = re.sub(r"// *CHECK-[A-Z-]*:[^\n]*", BLANKED, open(path).read())
        companions[companion] = (path, text)
        open(os.path.join(work, companion), "w").write(text)
    also_sources = [os.path.join(work, name) for name in annotations(original, "ALSO-SOURCE")]

    build_files = {}
    for build_file, prefix in (("BUILD.gn", "CHECK-GN"), ("CMakeLists.txt", "CHECK-CMAKE")):
        lines = annotations(original, build_file)
        if lines:
            build_files[build_file] = ("\n".join(lines) + "\n", prefix)
            open(os.path.join(work, build_file), "w").write(build_files[build_file][0])

    database = (annotations(original, "DATABASE") or ["ok"])[0]
    if database != "missing":
        listed = name if database == "ok" else "other.cc"
        entries = []
        for compiled in [listed] + [os.path.basename(p) for p in also_sources]:
            command = "g++ -std=c++20 -I%s -c %s -o %s.o" % (inputs_dir, compiled, compiled)
            entries.append({"directory": work, "file": compiled, "command": command})
        json.dump(entries, open(os.path.join(work, "compile_commands.json"), "w"))

    mapping_args = []
    texts = annotations(original, "MAPPING-TEXT")
    for i, text in enumerate(texts):
        path = os.path.join(work, "given%d.mapping.json" % i)
        open(path, "w").write(text)
        mapping_args += ["--mapping", path]
    if not texts:
        for library in annotations(original, "MAPPING") or ["fuchsia.hardware.gpioimpl"]:
            if library == "none":
                continue
            # The corpus's goldens, or a test protocol's mapping beside the stand-ins.
            path = os.path.join(mappings_dir, library + ".mapping.json")
            if not os.path.exists(path):
                path = os.path.join(inputs_dir, "mappings", library + ".mapping.json")
            mapping_args += ["--mapping", path]
    args = " ".join(annotations(original, "ARGS")).split()
    expected_exit = int((annotations(original, "EXIT") or ["0"])[0])

    report_args = []
    report_format = (annotations(original, "REPORT") or [""])[0]
    if report_format:
        report_path = os.path.join(work, "report." + report_format)
        report_args = ["--report", report_path]
    targets = [target] + also_sources
    run = subprocess.run([tool, "-p", work] + mapping_args + args + report_args +
                         ["--fix"] + targets, text=True, capture_output=True)
    if run.returncode != expected_exit:
        sys.exit("exit %d, expected %d; stderr:\n%s" % (run.returncode, expected_exit,
                                                         run.stderr))
    fixed = open(target).read()
    if "CHECK-FIXES" in original:
        code = "".join(line for line in fixed.splitlines(True) if line.strip() != BLANKED)
        filecheck(filecheck_bin, source, "CHECK-FIXES", code)
    fixed_companions = {}
    for name, (path, text) in companions.items():
        fixed_companions[name] = open(os.path.join(work, name)).read()
        if "CHECK-FIXES" in open(path).read():
            code = "".join(line for line in fixed_companions[name].splitlines(True)
                           if line.strip() != BLANKED)
            filecheck(filecheck_bin, path, "CHECK-FIXES", code)
        elif fixed_companions[name] != text:
            sys.exit(name + " changed, and has no CHECK-FIXES to say how")
    if report_format:
        filecheck(filecheck_bin, source, "CHECK-REPORT", open(report_path).read())
    fixed_build_files = {}
    for build_file, (text, prefix) in build_files.items():
        fixed_build_files[build_file] = open(os.path.join(work, build_file)).read()
        filecheck(filecheck_bin, source, prefix, fixed_build_files[build_file])
    if "CHECK-MESSAGES" in original:
        # Every warning must be expected: an extra or repeated one fails.
        filecheck(filecheck_bin, source, "CHECK-MESSAGES", run.stderr,
                  ["--implicit-check-not=warning:"])
    elif run.stderr.strip() and expected_exit == 0:
        sys.exit("unexpected messages:\n" + run.stderr)
    if expected_exit == 2 and (fixed != blanked or any(
            fixed_companions[name] != text for name, (path, text) in companions.items())):
        sys.exit("the tool failed but changed a file")
    if expected_exit != 2:
        # What it wrote compiles (against the stand-in headers), and a second run changes
        # nothing and ends as the first did.
        for compiled_file in targets:
            compiled = subprocess.run(["c++", "-std=c++20", "-fsyntax-only", "-I" + inputs_dir,
                                       compiled_file], text=True, capture_output=True)
            if compiled.returncode != 0:
                sys.exit("the rewritten file does not compile:\n" + compiled.stderr)
        second_exit = annotations(original, "SECOND-RUN-EXIT")
        final_exit = expected_exit
        if second_exit:
            second = subprocess.run([tool, "-p", work] + mapping_args + args + ["--fix"] + targets,
                                    text=True, capture_output=True)
            if second.returncode != int(second_exit[0]):
                sys.exit("the second run exits %d, not %s:\n%s" % (second.returncode,
                                                                  second_exit[0], second.stderr))
            compiled = subprocess.run(["c++", "-std=c++20", "-fsyntax-only", "-I" + inputs_dir,
                                       target], text=True, capture_output=True)
            if compiled.returncode != 0:
                sys.exit("the second run's file does not compile:\n" + compiled.stderr)
            final_exit = int(second_exit[0])
        again = subprocess.run([tool, "-p", work] + mapping_args + args + ["--dry-run"] + targets,
                               text=True, capture_output=True)
        if again.stdout:
            sys.exit("a second run would change the output:\n" + again.stdout)
        if again.returncode != final_exit:
            sys.exit("a second run exits %d, the first %d:\n%s" % (again.returncode,
                                                                 final_exit, again.stderr))
        # The same edits as YAML, applied by clang's own tool.
        open(target, "w").write(blanked)
        for name, (path, text) in companions.items():
            open(os.path.join(work, name), "w").write(text)
        for build_file, (text, prefix) in build_files.items():
            open(os.path.join(work, build_file), "w").write(text)
        fixes_dir = os.path.join(work, "fixes")
        os.makedirs(fixes_dir)
        exported = subprocess.run([tool, "-p", work] + mapping_args + args +
                                  ["--export-fixes", os.path.join(fixes_dir, "fixes.yaml")] +
                                  targets, text=True, capture_output=True)
        if exported.returncode != expected_exit:
            sys.exit("--export-fixes exits %d, expected %d" % (exported.returncode,
                                                               expected_exit))
        applied = subprocess.run([apply_replacements, fixes_dir], text=True, capture_output=True)
        if applied.returncode != 0 or include_blocks_sorted(open(target).read()) != \
                include_blocks_sorted(fixed):
            sys.exit("--export-fixes through %s differs from --fix:\n%s" %
                     (apply_replacements, applied.stderr))
        for name, text in fixed_companions.items():
            if include_blocks_sorted(open(os.path.join(work, name)).read()) != \
                    include_blocks_sorted(text):
                sys.exit("--export-fixes through %s differs from --fix in %s" %
                         (apply_replacements, name))
        for build_file, text in fixed_build_files.items():
            if open(os.path.join(work, build_file)).read() != text:
                sys.exit("--export-fixes through %s differs from --fix in %s" %
                         (apply_replacements, build_file))


if __name__ == "__main__":
    main()
