import { useState } from 'react';
import { Button, Notification } from '@mantine/core';
import { RemarkDialog } from './RemarkDialog';

/** «Замечание» on a journal's page: the deputy writes a remark on the journal open. */
export function RemarkButton({ assignmentId, journalName }: { assignmentId: number; journalName: string }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        color="orange"
        onClick={() => setOpen(true)}
        data-testid="remark-journal"
      >
        Замечание
      </Button>
      {open && (
        <RemarkDialog
          target={{ assignmentId, journalName }}
          onClose={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            setDone(message);
          }}
        />
      )}
      {done && (
        <Notification
          color="green"
          onClose={() => setDone(null)}
          style={{ position: 'fixed', bottom: 16, right: 16, zIndex: 300 }}
          data-testid="remark-done"
        >
          {done}
        </Notification>
      )}
    </>
  );
}
