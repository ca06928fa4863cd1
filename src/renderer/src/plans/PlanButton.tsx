import { useState } from 'react';
import { Button, Modal } from '@mantine/core';
import type { AssignmentSummary } from '../../../shared/contract';
import { assignmentLabel } from '../journal/AssignmentSelect';
import { PlanView } from './PlanView';

/** «КТП» beside the journal: the thematic plan of the open journal in a large window over it. */
export function PlanButton({ assignment, canEdit }: { assignment: AssignmentSummary; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)} data-testid="plan-open">
        КТП
      </Button>
      {open && (
        <Modal
          opened
          onClose={() => setOpen(false)}
          size="min(1200px, 92vw)"
          title={`Тематическое планирование: ${assignmentLabel(assignment)}`}
          data-testid="plan-window"
        >
          <PlanView assignmentId={assignment.id} canEdit={canEdit} />
        </Modal>
      )}
    </>
  );
}
