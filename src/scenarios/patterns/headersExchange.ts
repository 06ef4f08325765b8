import { bind, consumer, exchange, producer, queue, scenario } from '../dsl';
import type { GalleryScenario } from '../types';

const documents = exchange('documents', 'headers');
const pdfReports = queue('pdf-reports');
const pdfOrLogs = queue('pdf-or-logs');
const doc = (name: string, format: string, type: string) =>
  producer(name, { exchange: 'documents', routingKeys: ['ignored'], mode: 'rate', ratePerSec: 0.6, message: { body: `${format} ${type} #{n}`, headers: { format, type } } });

/** A headers exchange routes by message headers with x-match all or any; the routing key is ignored. */
export const headersExchange: GalleryScenario = {
  id: 'headers-exchange',
  title: { en: 'Headers exchange (x-match all / any)', es: 'Exchange headers (x-match all / any)' },
  summary: {
    en: 'Documents are routed by their headers, not their routing key: one queue wants PDF reports (all), the other PDFs or logs (any).',
    es: 'Los documentos se enrutan por sus cabeceras, no por su clave: una cola quiere informes PDF (all), la otra PDFs o logs (any).',
  },
  watch: {
    en: 'Three apps publish documents with headers format and type. The headers exchange documents ignores the routing key and compares each binding\'s arguments with the message headers. pdf-reports is bound with x-match=all, format=pdf, type=report: every header must match, so only the PDF reports arrive. pdf-or-logs is bound with x-match=any, format=pdf, type=log: one matching header is enough, so it gets both PDFs and the zip log.',
    es: 'Tres aplicaciones publican documentos con las cabeceras format y type. El exchange headers documents ignora la clave de enrutamiento y compara los argumentos de cada binding con las cabeceras del mensaje. pdf-reports está enlazada con x-match=all, format=pdf, type=report: todas deben coincidir, así que solo llegan los informes PDF. pdf-or-logs está enlazada con x-match=any, format=pdf, type=log: basta con una, así que recibe los dos PDF y el log zip.',
  },
  tryThis: [
    {
      text: { en: 'Change the binding of pdf-reports to x-match any: the PDF log arrives there too.', es: 'Cambia el binding de pdf-reports a x-match any: también llega allí el log en PDF.' },
    },
    {
      text: {
        en: 'Change the routing key of a publisher: nothing changes — a headers exchange never looks at it.',
        es: 'Cambia la clave de enrutamiento de un publicador: no cambia nada; un exchange headers nunca la mira.',
      },
    },
    {
      text: {
        en: 'Remove the type header from pdf-reports-app: x-match=all needs every bound header present, so its documents stop reaching pdf-reports, while x-match=any still takes them.',
        es: 'Quita la cabecera type de pdf-reports-app: x-match=all necesita todas las cabeceras del binding, así que sus documentos dejan de llegar a pdf-reports, mientras que x-match=any los sigue aceptando.',
      },
    },
  ],
  tags: ['exchanges', 'routing'],
  scenario: scenario({
    title: 'Headers exchange',
    exchanges: [documents],
    queues: [pdfReports, pdfOrLogs],
    bindings: [bind(documents, pdfReports, '', { 'x-match': 'all', format: 'pdf', type: 'report' }), bind(documents, pdfOrLogs, '', { 'x-match': 'any', format: 'pdf', type: 'log' })],
    apps: [doc('pdf-reports-app', 'pdf', 'report'), doc('zip-logs', 'zip', 'log'), doc('pdf-logs', 'pdf', 'log'), consumer('archive', 'pdf-reports', { processingMs: 200 }), consumer('indexer', 'pdf-or-logs', { processingMs: 200 })],
    placement: { gap: 170, columns: [{ documents: 90 }, { 'pdf-reports': 0, 'pdf-or-logs': 180 }] },
  }),
};
