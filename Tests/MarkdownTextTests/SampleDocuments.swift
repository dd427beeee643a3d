/// A lesson-shaped document that uses every construct the parser knows.
let sampleLesson = #"""
  # Overfitting: when the model memorises

  A model **overfits** when it learns the training set _too well_: training loss keeps
  falling while validation loss turns and rises. Watch the gap between the `train` and
  `val` curves, and read [the glossary](https://curvelab.dev/glossary#overfitting) for terms.

  ## What to look for

  - Validation loss reaches a minimum, then climbs.
  - The gap between the curves widens, often after a *few* epochs of agreement.
    - With tiny data sets this can start in the first epoch.
    - With `dropout=0.5` it starts later.
  - Accuracy can only move in steps of 1/N on a validation set of N examples.

  1. Train for 40 epochs.
  2. Note the epoch with the **lowest validation loss**.
  3. Compare it with the last epoch and write down the difference in a sentence or two.

  > **Tip:** early stopping keeps the weights from the best epoch, not the last one,
  > so a run that overfits late still gives you a good model.

  ```curve scenario=overfitting seed=12
  epochs: 40
  show: train, val
  ```

  ### Numbers from three runs

  | Run | Dropout | Best epoch | Final val loss |
  | :-- | :-----: | ---------: | -------------- |
  | a   | 0.0     | 7          | 0.912          |
  | b   | 0.3     | 15         | 0.604 (still improving slowly at the end of training) |
  | c   | 0.5     | 22         | `0.551` \| best |

  ---

  ```swift
  let stop = EarlyStopping.stopEpoch(in: history, patience: 3)  // the epoch to keep
  ```

  Unclosed marks stay as they are: 2 * 3 = 6, snake_case_names, and a lone ` backtick.
  """#
