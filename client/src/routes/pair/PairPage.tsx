import { useParams } from 'react-router';
import type { SignedInViewer } from '../../hooks/useViewer';
import { PairHome } from './PairHome';

/** /pair/:id: a pair's home, for its co-learners and its programme managers. */
export function PairPage({ viewer }: { viewer: SignedInViewer }) {
  const { id = '' } = useParams();
  return (
    <div className="page">
      <PairHome key={id} pairId={id} viewerId={viewer.person.id} heading="names" />
    </div>
  );
}
