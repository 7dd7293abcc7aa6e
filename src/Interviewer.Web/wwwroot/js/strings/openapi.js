// The words of the HTTP API page (/openapi/).
export default {
  en: {
    'oa.title': 'HTTP API',
    'oa.intro': 'Every route of the service, from its OpenAPI document (/openapi/v1.json). Routes marked with a lock need a reviewer key; with the key set above, "Try it out" sends it.',
    'oa.loading': 'Loading the OpenAPI document…',
    'oa.needKey': 'The OpenAPI document needs a reviewer key: enter it above.',
    'oa.managementPort': 'This service shows its OpenAPI document on its management port only (Interviewer:Security:ManagementPort): open this page there.',
    'oa.failed': 'The OpenAPI document could not be loaded: {error}',
  },
  es: {
    'oa.title': 'API HTTP',
    'oa.intro': 'Todas las rutas del servicio, según su documento OpenAPI (/openapi/v1.json). Las marcadas con un candado necesitan una clave de revisor; con la clave puesta arriba, «Try it out» la envía.',
    'oa.loading': 'Cargando el documento OpenAPI…',
    'oa.needKey': 'El documento OpenAPI necesita una clave de revisor: escríbela arriba.',
    'oa.managementPort': 'Este servicio muestra su documento OpenAPI solo en su puerto de gestión (Interviewer:Security:ManagementPort): abre esta página allí.',
    'oa.failed': 'No se pudo cargar el documento OpenAPI: {error}',
  },
};
