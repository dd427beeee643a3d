import HTMLDocument

/// A printable page of worksheets or keys: one sheet per student (or one for the class),
/// each starting on a new page, with the student's name in the page header and the page
/// number in the footer.
///
/// Every sheet opens with a line to write the name, ID and date on (filled in when the sheet
/// belongs to a student). Exercises are not split across pages, so two fit on a page when
/// their charts allow it.
struct WorksheetDocument {
  /// One sheet: whose it is, and its content.
  struct Sheet {
    /// The student, for the identity line and the page header; `nil` for a class sheet.
    var student: (id: String, name: String?)?
    /// The content, after the identity line.
    var nodes: [HTMLNode]
  }

  /// The page title, also in the footer.
  var title: String
  /// The sheets, in order.
  var sheets: [Sheet]
  /// Whether this is a worksheet to hand out (each sheet on new pages, with the student's
  /// name at the top of each page and a name, ID and date line) rather than a key (sheets one
  /// after another, each kept on one page where it fits).
  var isWorksheet = true

  /// The page.
  var html: String {
    var stylesheet = HTMLDocument.printStylesheet + "\n" + Self.stylesheet
    stylesheet += "@page { @bottom-left { content: \"\(Self.cssString(title))\"; } }\n"
    var page = HTMLDocument(title: title, stylesheet: "")
    for (index, sheet) in sheets.enumerated() {
      var classes = [isWorksheet ? "sheet" : "key-sheet"]
      var nodes: [HTMLNode] = []
      if isWorksheet, let student = sheet.student {
        // A named page per student puts the name at the top of each of their pages.
        let name = "sheet\(index + 1)"
        let label = student.name.map { "\($0) · \(student.id)" } ?? student.id
        stylesheet += "@page \(name) { @top-right { content: \"\(Self.cssString(label))\"; } }\n"
        stylesheet += ".\(name) { page: \(name); }\n"
        classes.append(name)
      }
      if isWorksheet { nodes.append(Self.identityLine(sheet.student)) }
      nodes += sheet.nodes
      page.append(.section(nodes, classes: classes))
    }
    page.stylesheet = stylesheet
    return page.html
  }

  /// Name, ID and date, each on a rule; the student's name and id already written in.
  static func identityLine(_ student: (id: String, name: String?)?) -> HTMLNode {
    func field(_ label: String, _ value: String?, _ width: String) -> HTMLNode {
      .span([.span([.text(label)], classes: ["label"]), .text(value ?? "")], classes: ["field", width])
    }
    return .division(
      [
        field("Name", student?.name, "wide"), field("ID", student?.id, "middle"),
        field("Date", nil, "narrow"),
      ], classes: ["identity"])
  }

  /// `text` as the inside of a CSS string: anything but letters, digits and spaces escaped
  /// as a hexadecimal code, so no name can end the string, the rule or the `<style>` element.
  static func cssString(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        result.unicodeScalars.append(scalar)
      } else {
        result += "\\" + String(scalar.value, radix: 16) + " "
      }
    }
    return result
  }

  /// The layout of worksheets on paper and on screen, after
  /// ``HTMLDocument/printStylesheet``.
  static let stylesheet = """
    @page {
      margin: 13mm 15mm 15mm 15mm;
      @bottom-right { content: "page " counter(page) " of " counter(pages); }
    }
    @page {
      @bottom-left { font-family: system-ui, sans-serif; font-size: 8pt; color: #555555; }
      @bottom-right { font-family: system-ui, sans-serif; font-size: 8pt; color: #555555; }
      @top-right { font-family: system-ui, sans-serif; font-size: 8pt; color: #555555; }
    }
    .sheet + .sheet { break-before: page; page-break-before: always; }
    .sheet > h1 { font-size: 1.3em; margin: 0 0 0.15em; }
    .sheet > p { margin: 0 0 0.3em; font-size: 9pt; line-height: 1.35; }
    .key-sheet { break-inside: avoid; page-break-inside: avoid; margin: 0 0 5mm; }
    .key-sheet h2 { font-size: 12pt; margin: 0 0 0.3em; }
    .key-sheet p { font-size: 8.5pt; margin: 0 0 0.4em; color: #444444; }
    .identity { display: flex; gap: 5mm; margin: 0 0 0.8em; font-size: 10pt; }
    .identity .field { border-bottom: 1px solid #333333; padding: 0 0 1mm; min-height: 1.4em; }
    .identity .label { color: #555555; margin-right: 2mm; font-size: 8.5pt; }
    .identity .wide { flex: 3; } .identity .middle { flex: 2; } .identity .narrow { flex: 1.3; }
    .exercise {
      margin: 0 0 3mm;
      padding: 1mm 0 0;
      border: none;
      border-top: 1.5px solid #333333;
      border-radius: 0;
    }
    .exercise-head { display: flex; justify-content: space-between; align-items: baseline; }
    .exercise-head h2 { font-size: 12pt; margin: 0; padding: 0; border: none; }
    .exercise-head .of { font-weight: normal; color: #555555; font-size: 10pt; }
    .exercise-head .about { font-size: 8.5pt; color: #444444; }
    .charts { display: flex; justify-content: space-between; align-items: flex-start; margin: 0.5mm 0 0; }
    .charts .loss { flex: 0 0 68%; }
    .charts .accuracy { flex: 0 0 30%; }
    .charts svg, .validation svg { display: block; width: 100%; height: auto; margin: 0; }
    .validation { margin: 0.5mm 0 0; }
    .settings { font-size: 8.5pt; color: #333333; margin: 0.5mm 0 0; }
    .questions ol { margin: 0.5mm 0 0; padding-left: 5mm; line-height: 1.35; }
    .questions li { margin: 0 0 0.8mm; }
    .questions ul {
      display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm;
      list-style: none; padding: 0; margin: 0.5mm 0 0;
    }
    .questions ul li { margin: 0; }
    .blank {
      display: inline-block; min-width: 32mm; height: 1.1em;
      border-bottom: 1px solid #555555; vertical-align: bottom;
    }
    .blank.short { min-width: 12mm; }
    .data { font-size: 8pt; color: #555555; }
    .data code { font-size: 8pt; }
    .key-sheet table { width: 100%; font-size: 9pt; line-height: 1.3; margin: 0; }
    .key-sheet td, .key-sheet th { padding: 0.15em 0.4em; }
    @media print {
      body { font-size: 10pt; }
      .exercise p, .questions li { orphans: 1; widows: 1; }
    }
    """
}
