import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { ScopedActors, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { ListDossiersQuery, ReachedQuery } from './dossier.dto';
import { DossierListDoc, dossierListProjection, reachedKey } from './dossier-list.projection';
import { dossierListFilter } from './dossier-list.query';
import { appealsOf, dossierAppealsStreamId } from './dossier-appeals';
import { historyOf, lineageOf, summaryOf } from './dossier-history';
import { loadDossier } from './dossier.handlers';
import { visibleToAnyFilter } from './dossier-visibility.policy';
import { DossierDetailResponse, DossierLineageResponse, DossierListItemResponse, ReachedDossierResponse } from '../shared/responses';

/**
 * Lists read the (eventually consistent) list read model; one dossier's detail and lineage are folded from
 * its stream, so they show every event up to the last one, and the view check uses the same facts.
 */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossierQueriesController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  private get list() {
    return this.infra.documents.collection<DossierListDoc>(dossierListProjection.collection);
  }

  @ApiOkResponse({ type: DossierListItemResponse, isArray: true })
  @Get()
  async find(@ScopedActors() scoped: Actor[], @Query() query: ListDossiersQuery): Promise<DossierListDoc[]> {
    const { limit = 100, skip = 0, ...criteria } = query;
    return this.list.find(dossierListFilter(scoped, criteria), { sort: { updatedAt: -1, _id: 1 }, limit, skip });
  }

  /** Lineage downward: the dossiers that reached a jurisdiction at a level, each with its origin below. */
  @ApiOkResponse({ type: ReachedDossierResponse, isArray: true })
  @Get('lineage/reached')
  async reached(@ScopedActors() scoped: Actor[], @Query() query: ReachedQuery) {
    const docs = await this.list.find(
      { $and: [visibleToAnyFilter(scoped), { reached: reachedKey(query.level, query.jurisdictionUnitId) }] },
      { sort: { _id: 1 } },
    );
    return docs.map((d) => ({
      dossierId: d.dossierId,
      title: d.title,
      status: d.status,
      currentLevel: d.level,
      /** From the queried entry down to the level it was first lodged with. */
      reachedTopDown: [...d.reached].reverse(),
      origin: { nominatingUnitId: d.nominatingUnitId, nominatingUnitPath: d.nominatingUnitPath },
    }));
  }

  /** Who may read it is submissions.policy.ts's rule (checked before this runs; outside the scope: 404). */
  private async visible(id: string) {
    const { events, state } = await loadDossier(this.infra, id);
    const summary = summaryOf(events)!;
    return { events, state, summary };
  }

  @ApiOkResponse({ type: DossierDetailResponse })
  @Get(':id')
  async get(@Param('id') id: string) {
    const { events, state, summary } = await this.visible(id);
    return { ...summary, dossier: state.dossier, version: events.length, history: historyOf(events) };
  }

  /** Lineage both ways for one dossier: `up` bottom-up from its first level, `down` back to its origin. */
  @ApiOkResponse({ type: DossierLineageResponse })
  @Get(':id/lineage')
  async lineage(@Param('id') id: string) {
    const { events } = await this.visible(id);
    return lineageOf(events, appealsOf(await this.infra.store.readStream(dossierAppealsStreamId(id))));
  }
}
