import { useEffect, useRef, useState } from 'react';

/**
 * A lesson field as the teacher types it. The saved value another computer changed (a live refresh) replaces the
 * text only while the teacher has not changed it; a draft being typed stays, and keeps the value it was begun
 * from, so its save is compared with that one and the server shows the other person's change as a conflict.
 */
export function useFieldDraft<T>(lessonId: number, saved: string | null, savedWith: T) {
  const [text, setText] = useState(saved ?? '');
  // The saved value (and its companion, the topic's plan entry) this text was begun from.
  const base = useRef({ lessonId, value: saved, with: savedWith });
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    const draft = textRef.current;
    const clean = draft === (base.current.value ?? '');
    const another = base.current.lessonId !== lessonId;
    // Another lesson, an untouched field, or the save of this very text coming back: the saved value shows.
    if (another || clean || draft.trim() === (saved ?? '')) {
      base.current = { lessonId, value: saved, with: savedWith };
      setText(saved ?? '');
    }
    // savedWith follows saved (the topic's plan entry): only the saved value of this lesson is watched.
  }, [lessonId, saved]);

  return {
    text,
    setText,
    /** The saved value the draft was begun from: what the save says it last saw. */
    seen: () => base.current,
    /** The other person's value was kept («Оставить»): the draft gives way to it. */
    reset: (value: string | null, withValue: T) => {
      base.current = { lessonId, value, with: withValue };
      setText(value ?? '');
    },
  };
}
