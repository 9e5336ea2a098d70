import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { ApiPageResponse, findPage, HeaderSink, pageAndCriteria, ScopedActors, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
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

  /** Most recently changed first; the filter and the visibility rule go through the list's indexes (dossier-list.projection.ts). */
  @ApiPageResponse(DossierListItemResponse)
  @Get()
  async find(
    @ScopedActors() scoped: Actor[],
    @Query() query: ListDossiersQuery,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<DossierListDoc[]> {
    const { page, criteria } = pageAndCriteria(query);
    return findPage(this.list, dossierListFilter(scoped, criteria), { updatedAt: -1, _id: 1 }, page, res);
  }

  /** Lineage downward: the dossiers that reached a jurisdiction at a level, each with its origin below. */
  @ApiPageResponse(ReachedDossierResponse)
  @Get('lineage/reached')
  async reached(@ScopedActors() scoped: Actor[], @Query() query: ReachedQuery, @Res({ passthrough: true }) res: HeaderSink) {
    const { page, criteria } = pageAndCriteria(query);
    const docs = await findPage(
      this.list,
      { $and: [visibleToAnyFilter(scoped), { reached: reachedKey(criteria.level, criteria.jurisdictionUnitId) }] },
      { _id: 1 },
      page,
      res,
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
