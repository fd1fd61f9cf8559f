// Saving as people type (issue 12: "saved as they type"): what was typed is saved a moment
// after the typing stops, or at once when asked (a field left, a button, before a preview or
// an issue). Saves run one after another, so two never cross.
//   const saver = autosaver(save, { attempt, delay });
//   saver.later()   typing: save `delay` ms after the last call; a failure is shown (attempt)
//   saver.now()     save now; the promise rejects when this save fails (the caller shows it)
//   saver.cancel()  forget a save still waiting (the form is going away)
export function autosaver(save, { attempt, delay }) {
  let timer = 0;
  let queue = Promise.resolve();
  function now() {
    clearTimeout(timer);
    // A failure earlier in the queue was its own caller's to show.
    queue = queue.catch(() => {}).then(save);
    return queue;
  }
  return {
    now,
    later() {
      clearTimeout(timer);
      timer = setTimeout(() => attempt(now), delay);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}
