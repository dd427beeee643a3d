import CurveSim
import Testing

@Suite struct DatasetTests {
  @Test(arguments: DatasetKind.allCases)
  func splitsHaveTheRequestedSizesAndBalancedClasses(kind: DatasetKind) {
    let spec = DatasetSpec(kind: kind, trainSize: 201, evalSize: 100, inputNoise: 0.1, labelNoise: 0)
    let split = spec.makeSplit(seed: 5)
    #expect(split.training.count == 201)
    #expect(split.validation.count == 100)
    #expect(split.training.featureCount == kind.featureCount)
    #expect(abs(split.training.positiveShare - 0.5) < 0.01)
    #expect(split.validation.positiveShare == 0.5)
  }

  @Test func freshValidationSamplesAreSeededScaledAndNew() {
    let spec = DatasetSpec(kind: .moons, trainSize: 400, evalSize: 300, inputNoise: 0.2, labelNoise: 0)
    let split = spec.makeSplit(seed: 4)
    let first = spec.freshValidation(seed: 4, evaluation: 0, scaledLike: split)
    let second = spec.freshValidation(seed: 4, evaluation: 1, scaledLike: split)
    #expect(first.count == 300)
    #expect(first == spec.freshValidation(seed: 4, evaluation: 0, scaledLike: split))
    #expect(first != second)
    #expect(first != split.validation)
    // Scaled with the training set's statistics, as the fixed validation set is: the same
    // task's points land in the same place, so the means agree closely.
    for feature in 0..<2 {
      func mean(_ set: Dataset) -> Double {
        (0..<set.count).map { set.features[$0 * 2 + feature] }.reduce(0, +) / Double(set.count)
      }
      #expect(abs(mean(first) - mean(split.validation)) < 0.15)
    }
  }

  @Test func trainingInputsAreStandardized() {
    let split = DatasetSpec(kind: .moons, trainSize: 500, evalSize: 50, inputNoise: 0.2, labelNoise: 0)
      .makeSplit(seed: 1)
    for feature in 0..<2 {
      let values = (0..<500).map { split.training.features[$0 * 2 + feature] }
      let mean = values.reduce(0, +) / 500
      let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 500
      #expect(abs(mean) < 1e-9)
      #expect(abs(variance - 1) < 1e-9)
    }
  }

  @Test func labelNoiseFlipsAboutTheRequestedShare() {
    // The flip is drawn for every example, noisy or not, so the two sets differ only in the
    // flipped labels.
    let clean = DatasetSpec(kind: .blobs, trainSize: 4000, evalSize: 10, inputNoise: 0, labelNoise: 0)
    var noisy = clean
    noisy.labelNoise = 0.2
    let a = clean.makeSplit(seed: 9).training.labels
    let b = noisy.makeSplit(seed: 9).training.labels
    let share = Double(zip(a, b).filter { $0 != $1 }.count) / 4000
    #expect(share > 0.18 && share < 0.22)
  }

  @Test func moreTrainingDataLeavesTheValidationSetAlone() {
    let small = DatasetSpec(kind: .circles, trainSize: 100, evalSize: 80, inputNoise: 0.05, labelNoise: 0)
    var large = small
    large.trainSize = 400
    // Standardization differs with the training set, so compare the raw labels and the order
    // of validation points, which come from their own stream.
    #expect(small.makeSplit(seed: 3).validation.labels == large.makeSplit(seed: 3).validation.labels)
  }

  @Test func differentSeedsGiveDifferentData() {
    let spec = DatasetSpec(kind: .xor, trainSize: 50, evalSize: 20, inputNoise: 0.1, labelNoise: 0)
    #expect(spec.makeSplit(seed: 1) != spec.makeSplit(seed: 2))
    #expect(spec.makeSplit(seed: 1) == spec.makeSplit(seed: 1))
  }
}
