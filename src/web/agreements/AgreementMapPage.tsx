import { MapChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { AGREEMENT_STAGES, type TAgreementStage, type TAgreementSummary } from '../../shared/agreements';
import { enclosingBounds, registerWorldByNumeric, type TBounds, WORLD_BY_NUMERIC } from '../cadence/world-shapes';
import { EChart } from '../ui/EChart';
import { ErrorAlert } from '../ui/ErrorAlert';
import { agreementName, STAGE_COLOR, stageText } from './agreement-labels';
import { useAgreements } from './agreement-queries';
import { AgreementsNav } from './AgreementsNav';

echarts.use([MapChart]);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The stage a country is coloured by: its furthest open agreement; declined or suspended only when none is open. */
function countryStage(agreements: TAgreementSummary[]): TAgreementStage {
  const rank = (stage: TAgreementStage) =>
    stage === 'declined' || stage === 'suspended' ? -1 - AGREEMENT_STAGES.indexOf(stage) : AGREEMENT_STAGES.indexOf(stage);
  return agreements.map((agreement) => agreement.stage).sort((a, b) => rank(b) - rank(a))[0]!;
}

interface CountryAgreements {
  numeric: string;
  name: string;
  stage: TAgreementStage;
  agreements: TAgreementSummary[];
}

/** Counterpart countries coloured by stage; the list below the map says the same in words. */
export function AgreementMapPage() {
  const list = useAgreements({ sort: 'country' });
  const shapes = registerWorldByNumeric();
  const countries = useMemo(() => {
    const byCountry = new Map<string, TAgreementSummary[]>();
    for (const item of list.data?.items ?? []) byCountry.set(item.country, [...(byCountry.get(item.country) ?? []), item]);
    return [...byCountry.values()].map(
      (agreements): CountryAgreements => ({
        numeric: agreements[0]!.countryNumeric,
        name: agreements[0]!.countryName,
        stage: countryStage(agreements),
        agreements,
      }),
    );
  }, [list.data]);

  const option = useMemo(() => {
    const drawn = countries.filter((country) => shapes.names.has(country.numeric));
    const view = enclosingBounds(
      drawn.map((country) => shapes.bounds.get(country.numeric)).filter((box): box is TBounds => box !== undefined),
      12,
      120,
    );
    const byNumeric = new Map(drawn.map((country) => [country.numeric, country]));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (item: { name: string }) => {
          const country = byNumeric.get(item.name);
          if (!country) return escapeHtml(shapes.names.get(item.name) ?? '');
          return `${escapeHtml(country.name)}<br/>${country.agreements.map((agreement) => `${escapeHtml(agreementName(agreement))}: ${stageText(agreement.stage)}`).join('<br/>')}`;
        },
      },
      series: [
        {
          type: 'map',
          map: WORLD_BY_NUMERIC,
          nameProperty: 'numeric',
          roam: true,
          selectedMode: false,
          ...(view
            ? {
                boundingCoords: [
                  [view[0], view[3]],
                  [view[2], view[1]],
                ],
              }
            : {}),
          itemStyle: { areaColor: '#f1f3f5', borderColor: '#b3bcc6', borderWidth: 0.5 },
          emphasis: { itemStyle: { borderColor: '#1b1f24', borderWidth: 1.2 }, label: { show: false } },
          label: { show: false },
          data: drawn.map((country) => ({
            name: country.numeric,
            itemStyle: { areaColor: STAGE_COLOR[country.stage], borderColor: '#5c6670', borderWidth: 0.8 },
            emphasis: { itemStyle: { areaColor: STAGE_COLOR[country.stage] } },
          })),
        },
      ],
    };
  }, [countries, shapes]);

  return (
    <section>
      <h1>Third-country agreements</h1>
      <AgreementsNav />
      {list.isPending && <p>Loading the agreements…</p>}
      <ErrorAlert error={list.error} action="Could not load the agreements" />
      {list.data && (
        <>
          <EChart
            option={option}
            className="reception-map-chart"
            label="World map of the counterpart countries, coloured by the stage of their furthest agreement; the list below has the same information"
            testId="agreement-map"
          />
          <ul className="map-legend" aria-label="Map legend">
            {AGREEMENT_STAGES.map((stage) => (
              <li key={stage}>
                <span className={`swatch swatch-stage-${stage}`} aria-hidden="true" /> {stageText(stage)}
              </li>
            ))}
          </ul>
          <h2>By country</h2>
          {countries.length === 0 ? (
            <p className="muted">No agreement you may see is recorded yet.</p>
          ) : (
            <ul className="agreement-countries" aria-label="Counterpart countries and their stage">
              {countries.map((country) => (
                <li key={country.numeric}>
                  <strong>{country.name}</strong>: {stageText(country.stage)}
                  {country.agreements.length > 1 && (
                    <span className="muted small">
                      {' '}
                      ({country.agreements.map((a) => `${agreementName(a).split(' · ')[1]}: ${stageText(a.stage)}`).join('; ')})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
