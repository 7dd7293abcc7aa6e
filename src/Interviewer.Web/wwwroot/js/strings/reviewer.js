// Words every reviewer page shares: checklist statuses and grade flags.
export default {
  en: {
    'checklist.covered': 'Covered',
    'checklist.partial': 'Partly covered',
    'checklist.missing': 'Missing',
    'checklist.evidence': 'Evidence: ',
    'checklist.show': 'Show the key points',
    'flag.empty': 'empty',
    'flag.too_short': 'too short',
    'flag.keyword_stuffing': 'keyword list',
    'flag.unverified_evidence': 'unverified evidence',
    'flag.unsupported_evidence': 'unsupported evidence',
    'flag.prompt_injection': 'addresses the grader',
  },
  es: {
    'checklist.covered': 'Cubierto',
    'checklist.partial': 'Cubierto en parte',
    'checklist.missing': 'Falta',
    'checklist.evidence': 'Evidencia: ',
    'checklist.show': 'Ver los puntos clave',
    'flag.empty': 'vacía',
    'flag.too_short': 'demasiado corta',
    'flag.keyword_stuffing': 'lista de términos',
    'flag.unverified_evidence': 'evidencia no verificada',
    'flag.unsupported_evidence': 'evidencia sin apoyo',
    'flag.prompt_injection': 'se dirige al corrector',
  },
};
