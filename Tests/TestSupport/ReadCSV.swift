import EarshotIngest
import Foundation

/// Reads a CSV that earshot wrote back through the libcsv reader (the tables under `data/`).
public func readCSV(_ path: String) throws -> [[String]] {
    var rows: [[String]] = []
    let reader = LibCSVReader(delimiter: UInt8(ascii: ",")) { event in
        if case let .record(r) = event { rows.append(r.fields) }
    }
    reader.feed([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    reader.finish()
    return rows
}
