import CurveCourse
import CurveDiagnosis
import CurveExercises
import Testing

@Suite struct SolutionWriterTests {
  @Test func theRemediedRunIsTheDiagnosedCausesTreatmentAsTheKeySizesIt() throws {
    // A rate far too small: the key asks for the table's thirtyfold rate, so the worked
    // solution must show that run, not the generic tenfold one.
    let recipe = RunRecipe(scenario: .underfitting, seed: 5, cause: .lowLearningRate)
    let solved = try Exercise(id: "crawl", recipe: recipe).solve()
    let cause = try #require(solved.key.cause)
    #expect(CauseKnowledge.treatment(for: cause, showing: solved.key.pattern).action == solved.key.remedy)
    let text = SolutionWriter().markdown(for: solved, lessonTitle: nil)
    #expect(text.contains(recipe.treating(cause).commandLine))
    #expect(!text.contains(recipe.adding(solved.key.remedy).commandLine))
  }
}
