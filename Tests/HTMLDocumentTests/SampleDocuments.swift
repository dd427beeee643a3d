import HTMLDocument

/// Documents with every kind of node, written out by hand so the snapshots depend on nothing
/// else.
enum SampleDocuments {
  /// A standalone SVG file, as `LineChart.svgDocument` writes one.
  static let standaloneSVG = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60" role="img">
      <title>A line &amp; a dot</title>
      <polyline points="10,50 60,20 110,30" fill="none" stroke="#0072B2" stroke-width="2"/>
      <circle cx="60" cy="20" r="3" fill="#AA3377"/>
    </svg>

    """

  /// A one-page worksheet.
  static let worksheet = HTMLDocument(
    title: #"Worksheet 3: "early" stopping & <patience>"#,
    body: [
      .heading(1, "Worksheet 3: early stopping"),
      .paragraph(
        "Validation loss is lowest at step ", .code("200"), "; after that it ",
        .emphasis("rises"), " while training loss ", .strong("keeps falling"), ".", .lineBreak,
        "Compare: 0.61 < 0.92 & 0.15 < 0.69."),
      .figure(.svg(standaloneSVG), caption: "Figure 1. A line ", .emphasis("and"), " a dot."),
      .bulletList([
        "Training loss falls at every step.",
        .group([.paragraph("The gap widens."), .preformatted("step  loss\n 200  0.69\n 400  0.15")]
        ),
      ]),
      .numberedList(["Find the best step.", "Find where it stopped."]),
      .table(
        header: ["step", "loss", .code("eval_loss")],
        rows: [["200", "0.69", "0.61"], ["400", "0.15"]],
        caption: "Two evaluations"),
      .definitionList([
        (term: "patience", definition: "Evaluations without improvement before stopping."),
        (
          term: .code("eval_loss"),
          definition: .group(["Loss on the ", .emphasis("validation"), " set."])
        ),
      ]),
      .exercise([
        .heading(3, "Exercise 1"),
        .paragraph("With patience 2, at which step does training stop?"),
        .answerLines(2),
      ]),
      .pageBreak,
      .section([.heading(2, "Answers")], classes: ["answers", "teacher-only"]),
    ])
}
