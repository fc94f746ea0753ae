import Foundation

/// Python programs from PyPI that tests check the kiosk against (jsonschema, DuckDB), installed by
/// scripts/python-tools.sh into .build/python-tools for the python3 on PATH.
enum PythonTool {
    static let packages = KioskProcess.root.appendingPathComponent(".build/python-tools").path

    /// Runs `python3 -c code arguments…` with the tools on its path; standard output and error as the program wrote them.
    static func run(_ code: String, _ arguments: [String], in sandbox: TestSandbox, timeLimit: Double = 300) throws -> ProcessResult {
        try ExternalTool.run("/usr/bin/env", ["python3", "-c", code] + arguments, in: sandbox,
            environment: ["PYTHONPATH": packages, "PYTHONDONTWRITEBYTECODE": "1"], timeLimit: timeLimit)
    }

    /// Validates every line of the JSON Lines file `file` against the JSON Schema `schema` (draft 2020-12), printing
    /// `line: message` for each invalid line and a last line `checked N lines, M invalid`.
    static let validate = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        count = bad = 0
        for count, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
            errors = list(validator.iter_errors(json.loads(line)))
            if errors:
                bad += 1
                print(f"{count}: {errors[0].message[:300]}")
        print(f"checked {count} lines, {bad} invalid")
        """
}
