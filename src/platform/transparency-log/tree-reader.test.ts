import { perfectSubtrees } from "./tree-reader";

describe("perfectSubtrees", () => {
  it.each([
    [0, 8, [{ level: 3, index: 0 }]],
    [0, 7, [{ level: 2, index: 0 }, { level: 1, index: 2 }, { level: 0, index: 6 }]],
    [4, 7, [{ level: 1, index: 2 }, { level: 0, index: 6 }]],
    [3, 8, [{ level: 0, index: 3 }, { level: 2, index: 1 }]],
    [5, 13, [{ level: 0, index: 5 }, { level: 1, index: 3 }, { level: 2, index: 2 }, { level: 0, index: 12 }]],
    [6, 6, []],
  ])("splits leaves [%i, %i) into the largest aligned perfect subtrees", (start, end, nodes) => {
    expect(perfectSubtrees(start, end)).toEqual(nodes);
  });
});
