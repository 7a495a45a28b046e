import { useState } from 'react';
import { Button, GridList, GridListItem, useDragAndDrop } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { AGREEMENT_STAGES, type TAgreementStage, type TAgreementSummary } from '../../shared/agreements';
import { ErrorAlert } from '../ui/ErrorAlert';
import { MarkingTag } from '../ui/Marking';
import { hasPermission, useMe } from '../ui/session';
import { agreementName, distanceText, stageText } from './agreement-labels';
import { useAgreements, useMoveStage } from './agreement-queries';
import { AgreementsNav } from './AgreementsNav';
import { MoveConfirm } from './MoveConfirm';
import '../ui/react-aria-csp';

/** The drag type of a card, and one type per stage it may move to: a column accepts only cards that may move to it. */
const AGREEMENT_DRAG = 'application/x-demarche-agreement';
const movableTo = (stage: TAgreementStage) => `application/x-demarche-to-${stage}`;

/** Any point of a column is the column itself: a card is dropped on a stage, never between cards. */
const WHOLE_COLUMN = { getDropTargetFromPoint: () => ({ type: 'root' as const }) };

/**
 * The pipeline as a board: a column per stage, a card per agreement. A card is moved by
 * dragging it onto another column, with the mouse or the keyboard (Tab to the card's drag
 * handle, Enter, Tab to the column, Enter): only the columns of the moves its stage allows
 * accept it, and the move is confirmed before it is recorded.
 */
export function AgreementBoardPage() {
  const me = useMe();
  const list = useAgreements({ sort: 'country' });
  const move = useMoveStage();
  const [proposed, setProposed] = useState<{ agreement: TAgreementSummary; to: TAgreementStage } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const canMove = hasPermission(me.data, 'agreements.manage');
  const items = list.data?.items ?? [];

  const propose = (id: string, to: TAgreementStage) => {
    const agreement = items.find((item) => item.id === id);
    if (!agreement?.nextStages.includes(to)) return;
    move.reset();
    setDone(null);
    setProposed({ agreement, to });
  };

  return (
    <section>
      <h1>Third-country agreements</h1>
      <AgreementsNav />
      <p className="muted">
        Outreach to third countries, by stage. {canMove ? 'Drag a card onto another stage to move it; you confirm the move before it is recorded.' : ''}
      </p>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {proposed && (
        <MoveConfirm
          agreement={proposed.agreement}
          to={proposed.to}
          pending={move.isPending}
          error={move.error}
          onCancel={() => setProposed(null)}
          onConfirm={(request) =>
            move.mutate(request, {
              onSuccess: (saved) => {
                setProposed(null);
                setDone(`Moved ${agreementName(saved)} to ${stageText(saved.stage)}.`);
              },
            })
          }
        />
      )}
      {list.isPending && <p>Loading the agreements…</p>}
      <ErrorAlert error={list.error} action="Could not load the agreements" />
      {list.data && (
        <div className="agreement-board">
          {AGREEMENT_STAGES.map((stage) => (
            <StageColumn key={stage} stage={stage} items={items.filter((item) => item.stage === stage)} canMove={canMove} onDrop={propose} />
          ))}
        </div>
      )}
    </section>
  );
}

interface ColumnProps {
  stage: TAgreementStage;
  items: TAgreementSummary[];
  canMove: boolean;
  onDrop: (id: string, to: TAgreementStage) => void;
}

function StageColumn({ stage, items, canMove, onDrop }: ColumnProps) {
  const navigate = useNavigate();
  const { dragAndDropHooks } = useDragAndDrop<TAgreementSummary>({
    getItems: (_keys, dragged) =>
      dragged.map(
        (item): Record<string, string> => ({
          [AGREEMENT_DRAG]: item.id,
          'text/plain': agreementName(item),
          ...Object.fromEntries(item.nextStages.map((next) => [movableTo(next), item.id])),
        }),
      ),
    acceptedDragTypes: [movableTo(stage)],
    dropTargetDelegate: WHOLE_COLUMN,
    getDropOperation: (target) => (target.type === 'root' ? 'move' : 'cancel'),
    onRootDrop: async (event) => {
      for (const item of event.items) {
        if (item.kind === 'text' && item.types.has(AGREEMENT_DRAG)) onDrop(await item.getText(AGREEMENT_DRAG), stage);
      }
    },
  });
  const headingId = `stage-${stage}-heading`;
  return (
    <section className={`board-column board-column-${stage}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {stageText(stage)} <span className="count">({items.length})</span>
      </h2>
      <GridList
        aria-label={stageText(stage)}
        className="board-cards"
        items={items}
        dragAndDropHooks={canMove ? dragAndDropHooks : undefined}
        onAction={(key) => navigate(`/agreements/${String(key)}`)}
        renderEmptyState={() => <p className="muted small board-empty">None</p>}
      >
        {(item) => (
          <GridListItem id={item.id} textValue={agreementName(item)} className="board-card">
            {canMove && item.nextStages.length > 0 && (
              <Button slot="drag" className="drag-handle">
                <span aria-hidden="true">⠿</span>
              </Button>
            )}
            <span className="board-card-body">
              <strong>{item.countryName}</strong> <MarkingTag classification={item.classification} />
              <br />
              <span className="small">{agreementName(item).split(' · ')[1]}</span>
              <br />
              <span className="muted small">
                Since {item.stageOn} · {distanceText(item.distanceKm)}
              </span>
            </span>
          </GridListItem>
        )}
      </GridList>
    </section>
  );
}
