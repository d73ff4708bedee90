"""The kiosk's words in plain Spanish, speaking to the patient as "usted"."""

from comprehend.words.table import Words

SPANISH = Words(
    language="es",
    language_name="Español",
    welcome="Le damos la bienvenida",
    welcome_lead=(
        "Antes de su procedimiento, vamos a ver juntos unos puntos clave. "
        "Luego le haremos unas preguntas fáciles. Tómese su tiempo: no hay límite de tiempo."
    ),
    start="Empezar",
    start_hint="Pulse Enter o toque Empezar.",
    which_procedure="¿Para qué procedimiento viene hoy?",
    which_language="¿En qué idioma lo prefiere?",
    pick_hint="Pulse el número o toque su opción.",
    contrast_hint="¿Le cuesta leer? Pulse C.",
    contrast_button="Más contraste (C)",
    id_title="Su número de paciente",
    id_lead=(
        "Escriba su número de paciente y pulse Enter. "
        "Está en su pulsera o en su carta. Si tiene dudas, pregunte a la enfermera."
    ),
    id_placeholder="Número de paciente",
    id_empty="Escriba su número de paciente. Lo tiene en su pulsera o en su carta.",
    id_too_long="Es más largo que un número de paciente. Tiene como mucho {most} letras y números.",
    id_bad_characters="El número de paciente solo tiene letras, números y guiones. Revíselo y pruebe otra vez.",
    confirm_title="¿Es usted?",
    confirm_yes="Sí, soy yo",
    confirm_no="No, quiero escribirlo otra vez",
    confirm_hint="Pulse 1 o Enter para decir sí, 2 para decir no. O toque su opción.",
    welcome_back="Hola de nuevo",
    answered_one="Hoy empezó antes y contestó 1 pregunta. Puede seguir donde lo dejó.",
    answered_many="Hoy empezó antes y contestó {count} preguntas. Puede seguir donde lo dejó.",
    carry_on="Seguir donde lo dejé",
    start_again="Empezar otra vez desde el principio",
    welcome_back_hint="Pulse 1 o Enter para seguir, 2 para empezar otra vez. O toque su opción.",
    key_points_title="Puntos clave",
    key_points_lead="Lea cada página. Tómese su tiempo.",
    key_points_topic="Puntos clave",
    have_read="Ya lo he leído",
    key_points_hint="Pulse Enter cuando los haya leído todos, o B para volver.",
    question_progress="Pregunta {number} de {of}",
    again_progress="Repasamos otra vez: {number} de {of}",
    answer_hint="Pulse el número de su respuesta, o tóquela.",
    read_aloud="Leer en voz alta (R)",
    right="¡Correcto! Muy bien.",
    not_quite="No es así. No pasa nada, así se aprende.",
    you_chose="Usted eligió: {choice}",
    the_answer_is="La respuesta es: {answer}",
    next="Seguir",
    next_hint="Pulse Enter o toque Seguir.",
    reteach_title="Vamos a repasar este punto",
    ask_again="Pregúnteme otra vez",
    ready_hint="Pulse Enter cuando quiera seguir.",
    thanks="¡Gracias!",
    score="Acertó {right} de {total} a la primera.",
    nurse_points="Su enfermera hablará con usted de estos puntos:",
    nurse_questions="Su enfermera contestará las preguntas que aún tenga.",
    tell_nurse="Avise a la enfermera de que ha terminado.",
    done="Terminar",
    done_hint="Pulse Enter o toque Terminar.",
    handout_title="{title}: puntos clave para llevar a casa",
    handout_again="Vuelva a leer estos puntos",
    handout_questions="Si tiene preguntas, hable con su enfermera o con su médico.",
    handout_phone="Teléfono de la clínica: {phone}",
    still_there="¿Sigue ahí?",
    countdown=(
        "Para que sus respuestas sigan siendo privadas, esta pantalla se borrará en {seconds} segundos.\n"
        "Pulse cualquier tecla o toque la pantalla para seguir."
    ),
    still_here="Sí, aquí estoy",
    went_wrong="Lo sentimos, algo salió mal. Sus respuestas están guardadas. Avise a la enfermera.",
    carry_on_nurse="Para seguir, avise a la enfermera: escribirá su PIN.",
    # patient-screens (issue 14): Back from the patient ID screen, the key points a page at a time
    back="Atrás",
    id_back_hint="¿Otro idioma u otro procedimiento? Pulse Esc o toque Atrás.",
    key_points_page="Página {number} de {of}",
    key_points_next_hint="Pulse Enter para la página siguiente, o B para volver.",
)
