"""Confinement, surveillance and freedom to leave (group conf6, wave 6): new rules for recall.

Confinement gains a worker who has no phone at all ("no tiene teléfono", "no tengo
celular"; the own-phone veto no longer drops it, and a guard veto keeps a relative, a shop
or a landline with no phone out), a plain "he keeps the van keys", a minder who "drives
them to the store and waits outside" (a guard veto keeps family driving family out), "they
don't go anywhere else", "not allowed off the farm", and a boss who "has our phones" (the
own-phone veto used to drop it), and "le quitó el cel". Two vetoes drop what is not confinement at the work: a
house on the way where the guide's or the smuggler's people held the migrants ("in Phoenix
they kept us in a house and said I still owed $2,500"), and a threat to "make one phone
call" to immigration; three more drop a worker who is the guard, piece work "por mata
amarrada", and "no sale al surco" or "casi no salen porque trabajan", and a key the worker holds ("la
llave la tengo yo"). Freedom to leave gains ordinary moves to other work: "ya
estoy en otro trabajo", "I could go to another farm", "she changed contractors last
season", "several moved to other depots", "el que se quiere ir nomás avisa", "ya estoy
preguntando en otra bodega", "I'm interviewing at another store", "ya se ha cambiado de
taller" "nobody can stop me", "she quit for two months", "we took two weeks off" and "went home
early when his father died" "gave notice last month" and "several also work for other crews"; five vetoes drop what is no freedom to leave: a
neighbour's "entran y salen camionetas", "¿alguien puede ir a ver?", asking or wanting to
change employers, a door that "opens from inside with a push bar", a job found
"preguntando en la tienda", and somebody else who "se fue con la troca" or "se fue por su
lado".

"Not found" rows are innocent readings each new rule must leave alone: a phone that is the
worker's own, a shop or a relative with no phone, family driving family, a dog off the
leash, another room, house, city or school rather than another job, a change of hotels or
routes, a change the sentence denies, a boss who changes his contractor, shopping in
another store, keys kept by the worker, and a line nobody stops.
"""

from tests.extraction.tables import tables

FOUND = [
    # es.cd_isolation.notienecel, and the own-phone veto's new exception
    ("cd_isolation_confinement_surveillance", "es",
     "La muchacha no tiene celular y solo habla con su mamá desde la casa de la patrona."),
    ("cd_isolation_confinement_surveillance", "es", "Los trabajadores del rancho no tienen teléfono."),
    ("cd_isolation_confinement_surveillance", "es", "Yo ya no tengo celular, escribo desde el de una vecina."),
    # en.cd_isolation.vankeys, widened to a plain 'he/she keeps the van keys'
    ("cd_isolation_confinement_surveillance", "en", "She keeps the car keys in her purse so we stay at the house."),
    ("cd_isolation_confinement_surveillance", "en", "He keeps the van keys and drives us to the field himself."),
    # en.cd_isolation.goanywhere
    ("cd_isolation_confinement_surveillance", "en", "They live above the kitchen and do not go anywhere else."),
    ("cd_isolation_confinement_surveillance", "en", "The girls don't go anywhere unless the owner drives them."),
    # en.cd_isolation.waitsintruck
    ("cd_isolation_confinement_surveillance", "en", "The crew leader drives them to the laundromat and waits in the truck."),
    ("cd_isolation_confinement_surveillance", "en", "Every Sunday the owner walks her to church and stands outside until mass ends."),
    # the own-phone veto no longer drops a boss who has the workers' phones
    ("cd_isolation_confinement_surveillance", "en", "Since Monday the foreman has our phones, I am writing from a friend's."),
    ("cd_isolation_confinement_surveillance", "en", "The manager keeps their phones in his office."),
    # en.cd_isolation.notallowedoff
    ("cd_isolation_confinement_surveillance", "en", "The pickers are not allowed off the ranch on weekends."),
    ("cd_isolation_confinement_surveillance", "en", "The captain does not let them off the boat in port."),
    # the journey veto's exception: phones taken at the work, told after the crossing
    ("cd_isolation_confinement_surveillance", "en",
     "After the crossing the smuggler's people held us in a house. Now at the ranch the boss takes our phones."),
    ("cd_isolation_confinement_surveillance", "es",
     "Los del coyote nos tuvieron en una casa. Ahora en el rancho el patrón nos quita el celular."),
    # the exceptions of the wave-6 freedom vetoes: nobody stops the change, coming and going,
    # asking at another plant
    ("ctx_free_to_leave", "es", "Si quiere cambiarse de patrón nadie lo detiene."),
    ("ctx_free_to_leave", "en", "The side door opens from inside and we come and go as we like."),
    ("ctx_free_to_leave", "es", "Ya estoy preguntando en la otra fábrica por si no me suben el pago."),
    # the exceptions of the wave-6 guard and 'se fue' vetoes
    ("cd_isolation_confinement_surveillance", "es", "El guardia no deja salir a nadie del campamento sin permiso."),
    ("ctx_free_to_leave", "es", "Mi compañero se fue por su lado a otra compañía sin problema."),
    # es.cd_isolation.quitocel
    ("cd_isolation_confinement_surveillance", "es", "El mayordomo le quitó el cel desde que llegó."),
    ("cd_isolation_confinement_surveillance", "es", "Nos recogen el móvil al entrar al barco."),
    # en.ctx_free_to_leave.quitfora, tookweekoff, wenthomeearly
    ("ctx_free_to_leave", "en", "Last spring she quit for two months to care for her mother."),
    ("ctx_free_to_leave", "en", "In June we took two weeks off to visit family in Texas."),
    ("ctx_free_to_leave", "en", "One of the milkers went home early when his father died."),
    # the own-key veto's exception: a padlock the boss puts on
    ("cd_isolation_confinement_surveillance", "es",
     "Tengo mi propia llave, pero el patrón cierra el portón con candado en la noche."),
    # en.ctx_free_to_leave.gavenotice
    ("ctx_free_to_leave", "en", "Two of the cooks gave notice last month and nobody said a thing."),
    # en.ctx_free_to_leave.alsoworkfor
    ("ctx_free_to_leave", "en", "Most of the riggers also work for other crews between tours."),
    # es.ctx_free_to_leave.otrotrabajo
    ("ctx_free_to_leave", "es", "Mi hermano ya encontró otro trabajo en una panadería de Dallas."),
    ("ctx_free_to_leave", "es", "Tengo mis papeles y ya estoy en otra chamba desde marzo."),
    # en.ctx_free_to_leave.cangoother
    ("ctx_free_to_leave", "en", "Honestly I could go to another crew, the pay is the same."),
    ("ctx_free_to_leave", "en", "We can go to other dairies if the pay gets worse."),
    # en.ctx_free_to_leave.switchedplural
    ("ctx_free_to_leave", "en", "She has switched contractors twice since she came."),
    ("ctx_free_to_leave", "en", "Two of the milkers changed dairies last spring."),
    # es.ctx_free_to_leave.quieroiraviso
    ("ctx_free_to_leave", "es", "Aquí el que se quiere ir nomás avisa y le pagan lo suyo."),
    ("ctx_free_to_leave", "es", "Si me quiero regresar, aviso y ya."),
    # es.ctx_free_to_leave.buscandoenotro
    ("ctx_free_to_leave", "es", "El sueldo es poco, ya ando preguntando en otra carnicería."),
    # en.ctx_free_to_leave.interviewingother
    ("ctx_free_to_leave", "en", "I keep my own papers and I'm interviewing at another hotel next week."),
    ("ctx_free_to_leave", "en", "One of the cooks is leaving in May for another restaurant."),
    # es.ctx_free_to_leave.yacambiado
    ("ctx_free_to_leave", "es", "Mi primo ya se ha cambiado de taller dos veces."),
    # en.ctx_free_to_leave.nobodystops
    ("ctx_free_to_leave", "en", "The boss yells a lot, but nothing stops me from walking out."),
    ("ctx_free_to_leave", "en", "If I find better work, nobody can stop me."),
    # en.ctx_free_to_leave.movedtoother
    ("ctx_free_to_leave", "en", "Two drivers transferred to another depot in June."),
    ("ctx_free_to_leave", "en", "My roommate transferred to another agency and kept his room."),
]

NOT_FOUND = [
    # notienecel and the own-phone veto: a phone the worker has
    ("cd_isolation_confinement_surveillance", "es", "Ella tiene su celular y llama a su familia cada noche."),
    ("cd_isolation_confinement_surveillance", "es", "Tengo mi teléfono conmigo todo el día."),
    # the guard veto of notienecel: a shop, or a landline, not the worker kept from a phone
    ("cd_isolation_confinement_surveillance", "es", "El taller no tiene teléfono, llamen al celular del dueño."),
    ("cd_isolation_confinement_surveillance", "es", "No tenemos teléfono fijo, solo el celular de cada uno."),
    ("cd_isolation_confinement_surveillance", "es", "Mi tío no tiene celular, hay que llamarlo a la tienda del pueblo."),
    # vankeys: the worker's own keys
    ("cd_isolation_confinement_surveillance", "en", "I keep the van keys on a hook by the door."),
    # goanywhere: a habit, not a minder
    ("cd_isolation_confinement_surveillance", "en", "He never goes anywhere without his hat."),
    ("cd_isolation_confinement_surveillance", "en", "We did not go anywhere before Christmas because of the snow."),
    # waitsintruck and its guard veto: family care, a break in the truck
    ("cd_isolation_confinement_surveillance", "en", "She drives her mother to the clinic and waits outside."),
    ("cd_isolation_confinement_surveillance", "en", "My husband drives me to the store and waits in the car."),
    ("cd_isolation_confinement_surveillance", "en", "She waited outside the clinic for her sister."),
    # the own-phone veto still reads the worker's own phone
    ("cd_isolation_confinement_surveillance", "en", "The boss has his own phone and she has hers."),
    # otrotrabajo: another room, or no other job found
    ("ctx_free_to_leave", "es", "Estoy en otro cuarto con mis primos."),
    ("ctx_free_to_leave", "es", "No encontré otro trabajo y tuve que quedarme."),
    # cangoother: another room, not another job
    ("ctx_free_to_leave", "en", "We can go to another room to eat."),
    # switchedplural (two word elements and a time): hotels or routes, a denied change,
    # a company changing its suppliers
    ("ctx_free_to_leave", "en", "The crew changed hotels twice because of bedbugs."),
    ("ctx_free_to_leave", "en", "The dispatcher switched routes between the two yards."),
    ("ctx_free_to_leave", "en", "He has never switched companies and does not want to."),
    ("ctx_free_to_leave", "en", "The ranch changed companies for its feed deliveries."),
    # notallowedoff: a dog off the leash, a truck off the road
    ("cd_isolation_confinement_surveillance", "en", "Dogs are not allowed off the leash in the park."),
    ("cd_isolation_confinement_surveillance", "en", "Trucks are not allowed off the paved road on the ranch."),
    # journey veto: held in a house on the way by the guide's or the smuggler's people
    ("cd_isolation_confinement_surveillance", "en", "In Phoenix the guide's people locked him in an apartment for a week."),
    ("cd_isolation_confinement_surveillance", "en", "In Tucson they kept us in a house and said I still owed $2,000."),
    ("cd_isolation_confinement_surveillance", "es", "Lo tuvieron encerrado diez días en una casa de Laredo."),
    # phone-call veto: a threat to call immigration, not a phone taken
    ("cd_isolation_confinement_surveillance", "en",
     "The foreman threatens to phone immigration about anyone who asks for overtime."),
    ("cd_isolation_confinement_surveillance", "en",
     "He told me he can make one phone call and I go back to Honduras, it takes him a minute."),
    # freedom vetoes: a neighbour's traffic, a request for a visit or a place to complain,
    # a question or wish to change employers, a fire door, how the job was found
    ("ctx_free_to_leave", "es", "Al lado de mi casa entran y salen camionetas con hombres a todas horas."),
    ("ctx_free_to_leave", "es", "¿Alguien puede ir a ver a esos muchachos?"),
    ("ctx_free_to_leave", "es", "Quiero saber si puedo ir al labor a poner una queja."),
    ("ctx_free_to_leave", "es", "Pregunta si puede cambiar de patrón a mitad del contrato."),
    ("ctx_free_to_leave", "en", "The caller wants to change employers but is afraid of the boss."),
    ("ctx_free_to_leave", "en", "The back door is locked at night but opens from inside with a push bar."),
    ("ctx_free_to_leave", "es", "La puerta del cuarto se cierra por dentro."),
    ("ctx_free_to_leave", "es", "Encontré este trabajo yo sola, preguntando en la tienda del barrio."),
    # 'se fue' veto: somebody else's going
    ("ctx_free_to_leave", "es", "El patrón nos dejó en la gasolinera y se fue con la troca."),
    ("ctx_free_to_leave", "es", "El coyote cobró lo último y se fue por su lado."),
    ("ctx_free_to_leave", "es", "Trabajo con el carro de otro chofer que ya se fue."),
    # guard veto: the worker is the guard
    ("cd_isolation_confinement_surveillance", "en", "He sleeps in the trailer to guard the lot at night."),
    ("cd_isolation_confinement_surveillance", "es", "Ella es guardia en el estacionamiento de un salón de fiestas."),
    # piece work tying plants, a sick day, long hours
    ("cd_isolation_confinement_surveillance", "es", "Nos pagan por mata amarrada, 30 centavos."),
    ("cd_isolation_confinement_surveillance", "es", "Cuando uno no sale al surco le quitan el día."),
    ("cd_isolation_confinement_surveillance", "es", "Casi no salen porque trabajan de lunes a sábado."),
    # quitocel: the worker's own hands
    ("cd_isolation_confinement_surveillance", "es", "Me quité el cel para bañarme."),
    ("cd_isolation_confinement_surveillance", "es", "Quité el móvil de la mesa."),
    # tookweekoff: money taken off a check
    ("ctx_free_to_leave", "en", "The owner takes $150/wk off my check for rent."),
    # own-key veto: the worker holds the key, or the 'llave' is a wrench
    ("cd_isolation_confinement_surveillance", "es", "Mi cuarto tiene llave y la llave la tengo yo."),
    ("cd_isolation_confinement_surveillance", "es", "El cuarto tiene candado pero la llave es mía."),
    ("cd_isolation_confinement_surveillance", "es", "A Beto se le cayó una llave desde el andamio."),
    # gavenotice: a landlord's notice, a notice met with a threat
    ("ctx_free_to_leave", "en", "The landlord gave notice that the rent goes up in May."),
    ("ctx_free_to_leave", "en", "When he gave notice, the boss said he would call ICE."),
    # alsoworkfor: working alongside other crews is no second employer
    ("ctx_free_to_leave", "en", "We also work with other crews on big jobs."),
    # quieroiraviso: telling the boss before a doctor's visit is not leaving
    ("ctx_free_to_leave", "es", "Si quiero ir al doctor aviso al patrón un día antes."),
    # buscandoenotro: shopping, a boss who looks for workers
    ("ctx_free_to_leave", "es", "Estoy buscando en otra tienda unas botas más baratas."),
    ("ctx_free_to_leave", "es", "El patrón anda preguntando en otro rancho por trabajadores."),
    # interviewingother: another city or school
    ("ctx_free_to_leave", "en", "She is leaving for another city with her husband."),
    ("ctx_free_to_leave", "en", "He started at another school in September."),
    # yacambiado: the boss changed his contractor
    ("ctx_free_to_leave", "es", "El patrón ya cambió de contratista para la cosecha."),
    # nobodystops: a line, or the boss's own plans
    ("ctx_free_to_leave", "en", "Nobody stops the line during lunch."),
    ("ctx_free_to_leave", "en", "He says nothing stops him from working Sundays."),
    # movedtoother: a family's house, trucks sent to a yard
    ("ctx_free_to_leave", "en", "The family moved to a new house in May."),
    ("ctx_free_to_leave", "en", "Our trucks moved to a different yard for repairs."),
]

test_found, test_not_found = tables(FOUND, NOT_FOUND)
