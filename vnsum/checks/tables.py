"""Data tables for the name checks.  Edit these to teach the checks new names.

``PLACES`` lists names that are written differently in Vietnamese and in
English, one group a line::

    Vietnamese forms | English forms | English adjectives (support only)

Forms are separated by ``;``.  A Vietnamese form ending in ``?`` is ambiguous
(also a common word or a given name: "Anh" is Britain, "brother" and a name;
"Đức" is Germany and a name): it counts as the country only away from the start
of a sentence and not after a person's title ("anh Đức").  An English form ending
in ``?`` is ambiguous in the same way ("Turkey", "Georgia").

Names that are merely written without diacritics in English ("Đồng Nai" /
"Dong Nai", "Lê Xuân Định" / "Le Xuan Dinh") need no entry: they are matched by
folding.  Add a line here when English uses another word (Moskva / Moscow) or
when a Vietnamese abbreviation must be recognised (TP.HCM).
"""

PLACES = """
Việt Nam; VN; Việt? | Vietnam?; Viet Nam?; VN | Vietnamese
Hà Nội | Hanoi; Ha Noi |
TP.HCM; TP HCM; TPHCM; TP. HCM; TP Hồ Chí Minh; TP. Hồ Chí Minh; Thành phố Hồ Chí Minh; HCM; Sài Gòn; Sài Gòn - Gia Định | Ho Chi Minh City; HCMC; HCM City; HCM; Saigon; Sai Gon |
Đà Nẵng | Da Nang; Danang |
Hải Phòng | Hai Phong; Haiphong |
Huế | Hue |
Hội An | Hoi An |
Nam Định | Nam Dinh |
Bắc Ninh | Bac Ninh |
Bắc Giang | Bac Giang |
Bắc Kạn | Bac Kan |
Tây Ninh | Tay Ninh |
Đông Anh | Dong Anh |
Thượng Hải | Shanghai |
Đà Lạt | Da Lat; Dalat |
Hạ Long | Ha Long; Halong |
Biển Đông | East Sea; South China Sea; China Sea; Bien Dong |
Hoàng Sa | Paracel; Paracels; Paracel Islands; Hoang Sa; Xisha |
Trường Sa | Spratly; Spratlys; Spratly Islands; Truong Sa; Nansha |
Tây Nguyên | Central Highlands; Tay Nguyen |
Đồng bằng sông Cửu Long; ĐBSCL; miền Tây Nam Bộ | Mekong Delta |
sông Mê Kông; Mê Kông; Mekong; sông Cửu Long | Mekong |
sông Hồng | Red River |
Mỹ; Hoa Kỳ; Hoa Kì; Hợp chủng quốc Hoa Kỳ | US; U.S.; USA; U.S.A.; United States; America; the States; Americas | American; Americans
Mỹ Latinh; Mỹ La-tinh; châu Mỹ Latinh | Latin America | Latin American
châu Mỹ; Châu Mỹ | Americas; America | American
La Tinh; Latinh; La-tinh | Latin America | Latin; Latino; Latinos; Latina; Latinas; Hispanic; Hispanics
Trung Quốc; Trung?; Hoa? | China; PRC; Beijing | Chinese
Bắc Kinh | Beijing; Peking |
Quảng Châu | Guangzhou; Canton |
Quảng Đông | Guangdong |
Quảng Tây | Guangxi |
Vân Nam | Yunnan |
Hải Nam | Hainan |
Tân Cương | Xinjiang |
Tây Tạng | Tibet | Tibetan
Hồng Kông; Hong Kong | Hong Kong |
Ma Cao; Macau | Macau; Macao |
Đài Loan | Taiwan | Taiwanese
Nhật Bản; Nhật? | Japan | Japanese
Hàn Quốc; Hàn?; Nam Hàn; Đại Hàn | South Korea; Korea; ROK | Korean; South Korean
Triều Tiên; Bắc Triều Tiên; CHDCND Triều Tiên; Bắc Hàn | North Korea; DPRK; Korea | North Korean; Korean
Bình Nhưỡng | Pyongyang |
Seoul; Xơ-un | Seoul |
Nga; Liên bang Nga | Russia; Russian Federation | Russian; Russians
Liên Xô | Soviet Union; USSR | Soviet
Moskva; Mát-xcơ-va; Matxcơva | Moscow |
Pháp | France | French
Anh?; Vương quốc Anh; Anh Quốc | UK; U.K.; Britain; Great Britain; United Kingdom; England | British; English
Luân Đôn; London | London |
Đức? | Germany | German
Đông Đức | East Germany; Eastern Germany; GDR | East German
Tây Đức | West Germany | West German
Ý?; Italia | Italy | Italian
Tây Ban Nha | Spain | Spanish
Bồ Đào Nha | Portugal | Portuguese
Hà Lan | Netherlands; Holland | Dutch
Bỉ | Belgium | Belgian
Thụy Sĩ; Thụy Sỹ | Switzerland | Swiss
Thụy Điển | Sweden | Swedish
Na Uy | Norway | Norwegian
Đan Mạch | Denmark | Danish
Phần Lan | Finland | Finnish
Ba Lan | Poland | Polish
Séc; CH Séc; Cộng hòa Séc | Czech Republic; Czechia | Czech
Áo? | Austria | Austrian
Hy Lạp | Greece | Greek
Thổ Nhĩ Kỳ | Turkey?; Turkiye; Türkiye | Turkish
Ukraine; Ucraina | Ukraine | Ukrainian
Ai Cập | Egypt | Egyptian
Nam Phi | South Africa | South African
Ả Rập Xê Út; Ả Rập Saudi; Arab Saudi; Saudi Arabia | Saudi Arabia; Saudi | Saudi
Ấn Độ; Ấn? | India | Indian
Úc; Australia; Ô-xtrây-li-a | Australia | Australian
Tân Tây Lan; New Zealand | New Zealand |
Campuchia; Cam-pu-chia | Cambodia | Cambodian
Lào | Laos; Lao | Laotian; Lao
Thái Lan; Thái? | Thailand | Thai
Miến Điện; Myanmar | Myanmar; Burma | Burmese
Singapore; Xin-ga-po | Singapore | Singaporean
Indonesia; In-đô-nê-xi-a | Indonesia | Indonesian
Philippines; Philippin; Phi-líp-pin | Philippines | Philippine; Filipino
Malaysia; Ma-lai-xi-a | Malaysia | Malaysian
Israel; Ixraen | Israel | Israeli
Iraq; I-rắc | Iraq | Iraqi
Iran; I-ran | Iran | Iranian
Syria; Xy-ri | Syria | Syrian
Mexico; Mê-hi-cô | Mexico | Mexican
Brazil; Bra-xin | Brazil | Brazilian
Argentina; Ác-hen-ti-na | Argentina | Argentine; Argentinian
Cuba; Cu Ba | Cuba | Cuban
Canada; Ca-na-đa | Canada | Canadian
Mông Cổ | Mongolia | Mongolian
Châu Âu; Âu | Europe | European; Europeans
Châu Á; Á | Asia | Asian; Asians
Châu Phi; Phi? | Africa | African; Africans
Đông Nam Á | Southeast Asia; South-East Asia | Southeast Asian
Trung Đông | Middle East | Middle Eastern
Trung Tây | Midwest | Midwestern
Tây Phi | West Africa | West African
Đông Âu | Eastern Europe | Eastern European
Tây Âu | Western Europe | Western European
Bắc Mỹ | North America | North American
Nam Mỹ | South America | South American
Thái Bình Dương | Pacific; Pacific Ocean |
Đại Tây Dương | Atlantic; Atlantic Ocean |
Ấn Độ Dương | Indian Ocean |
Bắc Cực | Arctic; North Pole |
Nam Cực | Antarctica; Antarctic; South Pole |
Địa Trung Hải | Mediterranean |
Đông Dương | Indochina |
Liên Hợp Quốc; Liên Hiệp Quốc; LHQ; UN | United Nations; UN; U.N. |
Hội đồng Bảo an | Security Council |
Liên minh châu Âu; Liên minh Châu Âu; EU | European Union; EU |
Nhà Trắng | White House |
Lầu Năm Góc | Pentagon |
Điện Kremlin; Kremlin | Kremlin |
Quốc hội | National Assembly; parliament; Parliament; Congress; legislature; NA |
Bộ Chính trị | Politburo |
Tổ chức Y tế Thế giới; WHO | World Health Organization; WHO |
Tổ chức Thương mại Thế giới; WTO | World Trade Organization; WTO |
Quỹ Tiền tệ Quốc tế; IMF | International Monetary Fund; IMF |
Ngân hàng Thế giới; WB | World Bank |
Ngân hàng Nhà nước; NHNN | State Bank; SBV |
ADN; DNA | DNA |
ARN; RNA | RNA |
CNTT; công nghệ thông tin | IT; information technology |
Ả Rập | Arabia; Arab world | Arab; Arabic; Arabian
Do Thái | Jews; Judaism; Israel | Jewish; Jew
Khổng Tử; Khổng giáo; Nho giáo; Khổng | Confucius; Confucianism | Confucian
Hồi giáo | Islam; Muslims | Muslim; Islamic
Thiên Chúa giáo; Công giáo | Christianity; Catholicism; Catholic Church | Christian; Catholic
Tết; Tết Nguyên đán | Tet; Lunar New Year; New Year |
Giáng sinh; Noel | Christmas |
Chúa; Thượng đế; Thượng Đế; Thiên Chúa; Chúa Trời; Ông Trời; Đấng Tạo Hóa | God?; Lord? |
Phật | Buddha | Buddhist
"""

#: Vietnamese places written in English without their diacritics ("Bình Dương" /
#: "Binh Duong", also "Binhduong"): recognised as places, so always checked
VI_PLACES_FOLDED = """
An Giang; Bà Rịa - Vũng Tàu; Bà Rịa; Vũng Tàu; Bạc Liêu; Bến Tre; Bình Định; Bình Dương
Bình Phước; Bình Thuận; Cà Mau; Cần Thơ; Cao Bằng; Đắk Lắk; Đắc Lắc; Đắk Nông; Điện Biên
Đồng Nai; Đồng Tháp; Gia Lai; Hà Giang; Hà Nam; Hà Tĩnh; Hải Dương; Hậu Giang; Hòa Bình
Hưng Yên; Khánh Hòa; Kiên Giang; Kon Tum; Lai Châu; Lâm Đồng; Lạng Sơn; Lào Cai; Long An
Nghệ An; Ninh Bình; Ninh Thuận; Phú Thọ; Phú Yên; Quảng Bình; Quảng Nam; Quảng Ngãi
Quảng Ninh; Quảng Trị; Sóc Trăng; Sơn La; Thái Bình; Thái Nguyên; Thanh Hóa; Thừa Thiên Huế
Tiền Giang; Trà Vinh; Tuyên Quang; Vĩnh Long; Vĩnh Phúc; Yên Bái; Nha Trang; Phú Quốc
Sa Pa; Buôn Ma Thuột; Quy Nhơn; Phan Thiết; Biên Hòa; Thủ Đức; Mỹ Tho; Rạch Giá; Côn Đảo
Cát Bà; Tân Sơn Nhất; Nội Bài; Long Thành; Mộc Bài; Cam Ranh; Dung Quất; Vân Đồn; Móng Cái
Lý Sơn; Phú Mỹ; Thuận An; Dĩ An; Bình Chánh; Hóc Môn; Củ Chi; Nhà Bè; Cần Giờ; Gò Vấp
Tân Bình; Bình Thạnh; Phú Nhuận; Tân Phú; Bình Tân; Ba Đình; Hoàn Kiếm; Đống Đa; Hai Bà Trưng
Cầu Giấy; Thanh Xuân; Hoàng Mai; Long Biên; Tây Hồ; Hà Đông; Sóc Sơn; Gia Lâm; Bến Thành
Hồ Gươm; Hoàn Kiếm; Mỹ Đình; Sơn Trà; Hải Châu; Ngũ Hành Sơn; Cửa Lò; Sầm Sơn; Mũi Né
"""

#: Vietnamese abbreviations and institution words that English translates with
#: common words: never a name on their own
VI_ACRONYMS = """
TP TT UBND HĐND BCH BCĐ CSGT CSCĐ CSHS PCCC ATGT TNGT THPT THCS ĐH CĐ GD ĐT GDĐT
BHXH BHYT BHTN KCN KKT CTCP HĐQT TGĐ GĐ PGĐ BQL DN DNNN NĐT NHTM TMCP TNHH CP BĐS
GTVT TN&MT TNMT NN&PTNT KH&ĐT LĐTBXH TAND VKSND VKS CA CAND QĐND QĐ NĐ TW HN XK NK
ĐBQH ĐB MTTQ HLV BTC NSND NSƯT GS PGS TS ThS BS KS LS ThS.BS TS.BS CLB VĐV SV HS
TTXVN VTV VOV HTV QL ĐT TL KDC KĐT ND BV PV CTV
"""

#: common nouns written with a capital or in capitals in both languages (abbreviations,
#: loanwords): one of them alone is no name, only a weak value ("CEO", "Video")
COMMON_WORDS = """
CEO CFO CTO COO GDP GNP CPI FDI ODA ATM DNA ADN RNA HIV AIDS TV PC IT IQ SMS GPS USB VIP PhD MBA
CV ID PIN SIM LED LCD CD DVD MRI ICU IVF AI UFO SUV MC DJ PR KPI OTP QR SOS
Video Internet Email Website Web Blog Online Robot Taxi Game Show Clip Camera Laptop Smartphone
Selfie Startup Pizza Radio Piano Guitar Golf Tennis Yoga Karaoke Menu Logo Album Virus Vaccine Oxy
"""

#: Vietnamese words that open the name of an institution or a title; a
#: capitalised run that starts with one is not a person's or a place's name
VI_INSTITUTION = """
Bộ Sở Ủy Uỷ Ban Viện Cục Vụ Tổng Thủ Chủ Phó Đảng Tòa Toà Ngân Tập Quân Mặt Hội Tổ Phòng
Cảnh Kiểm Liên Câu Đội Giải Lễ Bệnh Khu Trường Giám Trưởng Mạng Hệ Cơ Trạm Trụ Điện Nhà
Tiếng Người Nước Chiến Hiến Quỹ Hãng Báo Đài Kênh Tạp Cúp Sách Dự Chương Quy Miền Vùng
Phía Danh Học Đại Công Chính Quốc Luật Nghị Thống Hiệp Hợp Cộng Giáo Kỹ Tiến Thạc Cách
"""

#: capitalised words that are no name when they stand alone ("miền Bắc", "tỉnh")
VI_GENERIC = """
Trung Đạo Thánh Tỉnh Thành Huyện Quận Xã Phường Thị Đường Phố Sông Núi Cầu Chợ Sân Cảng Ga Miền Vùng Bắc
Nam Đông Tây Thượng Hạ Trời Đất Nhà Phật Thần Tết Xuân Hè Thu Đông Lời Cười Vỗ
"""

#: Vietnamese function words: never a name, even capitalised inside a text (a
#: sentence that starts without a full stop before it: "... ở Cali Chúng tôi ...")
VI_FUNCTION = """
Tôi Chúng Và Để Điều Mọi Bạn Nếu Họ Những Các Cho Xin Đây Đó Khi Nhưng Vì Trong Theo Tại
Sau Trước Ok OK Nó Ai Gì Là Có Không Đã Sẽ Đang Rồi Thì Mà Nên Vậy Cũng Còn Hãy Với Từ Đến
Mỗi Vâng Dạ Ừ À Ồ Ôi Này Nào Bởi Tuy Dù Mặc Thậm Chỉ Rất Ngoài Giữa Dưới Trên Về Khoảng Cái
Chiếc Việc Cuộc Mình Tớ Hắn Ấy Kia Nhiều Ít Thường Phải Được Bị Làm Nói Biết Muốn Cần Xem
Hỏi Đừng Chưa Cứ Hoặc Tức Ví Chẳng Chả Dẫu Nhờ Bây Giờ Hôm Ngày Lúc Cả
"""

#: Vietnamese words that are no name at the start of a run of capitalised words, but
#: may be a given name after a family name ("Nguyễn Sự", "Lê Như")
VI_STARTERS = """
Ta Thế Ngay Hiện Nay Đúng Sao Do Lại Bên Qua Như Hơn Gần Cùng Bằng Sự Em Anh Chị Ông Bà Cô
Chú Cậu Thật Chắc Tất Hầu Luôn Đôi Bao Ở Đi Nhìn Cảm Nghĩ Vừa Mới Song Hay Nghĩa Dụ Thay
"""

#: a capitalised title at the start of a sentence ("Ông Định cho biết")
VI_LEAD_TITLES = """
Ông Bà Anh Chị Cô Chú Bác Cụ Em Bé Cháu Thầy Ngài Cậu Dì
"""

#: Vietnamese words before a name that make it a person's name ("ông Định")
VI_PERSON_TITLES = """
ông; bà; anh; chị; cô; chú; bác; cụ; em; bé; cháu; thầy; cậu; dì; ngài; đồng chí; nữ; nam
gs; pgs; ts; ths; bs; ks; ls; nsnd; nsưt; hlv; tiến sĩ; thạc sĩ; giáo sư; phó giáo sư
bác sĩ; luật sư; kỹ sư; kiến trúc sư; nhà báo; nhà văn; nhà thơ; ca sĩ; diễn viên; nghệ sĩ
cầu thủ; huấn luyện viên; tiền đạo; tiền vệ; hậu vệ; thủ môn; vận động viên; võ sĩ
tướng; đại tướng; thượng tướng; trung tướng; thiếu tướng; đại tá; thượng tá; trung tá
thiếu tá; đại úy; đại uý; thượng úy; trung úy; thiếu úy; binh sĩ; chiến sĩ
vua; hoàng tử; công chúa; nữ hoàng; hoàng đế; giáo hoàng; tỷ phú; tỉ phú; nhà sáng lập
đạo diễn; tác giả; nghi phạm; bị cáo; bị can; nạn nhân; tài xế; sinh viên; học sinh
họa sĩ; hoạ sĩ; nhạc sĩ; nhiếp ảnh gia; doanh nhân; chuyên gia; phóng viên; biên tập viên
giảng viên; bệnh nhân; thí sinh; người mẫu; hoa hậu; á hậu; siêu mẫu; danh hài; mc
vợ; chồng; con trai; con gái; mẹ; bố; cha; cháu bé; thượng tọa; hòa thượng; hoà thượng; sư
"""

#: titles of office: before a name, or before the office itself ("Bộ trưởng Ngoại giao"),
#: so one capitalised word after them is not surely a name
VI_OFFICE_TITLES = """
chủ tịch; phó chủ tịch; thủ tướng; phó thủ tướng; bộ trưởng; thứ trưởng; tổng thống
phó tổng thống; tổng bí thư; bí thư; phó bí thư; giám đốc; phó giám đốc; tổng giám đốc
trưởng phòng; trưởng ban; trưởng đoàn; chánh văn phòng; phát ngôn viên; người phát ngôn
đại sứ; thị trưởng; thống đốc; nghị sĩ; thượng nghị sĩ; hạ nghị sĩ; đại biểu; ứng viên
"""

#: Vietnamese words before a name that make it a place ("tỉnh Đồng Nai")
VI_PLACE_TITLES = """
tỉnh; thành phố; tp; huyện; quận; xã; phường; thị xã; thị trấn; ấp; thôn; bản; làng
sông; núi; đèo; đảo; quần đảo; hồ; vịnh; thủ đô; bang; vùng; đường; phố
"""

#: English capitalised words that are no name on their own
EN_GENERIC = """
I Mr Mrs Ms Miss Dr Prof Sir Madam Lady Lord President Vice Prime Minister Deputy Chairman PM
Chairwoman Chair Secretary General Gen Director Governor Mayor Ambassador Chief Senator
Congressman Congresswoman Representative King Queen Prince Princess Emperor Pope Captain
Colonel Col Lieutenant Lt Commander Sergeant Sgt Officer Judge Justice Rev Saint St Mt
Party Committee People People's Ministry Department Office Agency Council Assembly
National Central State States Government Court Supreme Bank Company Corporation Corp Inc
Ltd Co Group University College School Institute Association Union Federation Foundation
City Province District Ward Commune Street Road Avenue Highway River Lake Mountain Mount
Island Islands Sea Ocean Bay Gulf North South East West Northern Southern Eastern Western
Mama Mom Mum Dad Daddy Papa Mother Father Sister Brother Uncle Aunt Grandma Grandpa
Grandmother Grandfather Internet Web Net Earth Sun Moon Heaven Hell Bible Church Temple
Pagoda Airport Port Station Hospital Hotel Market Bridge Park Square Palace Hall House
Army Navy Police Force Forces Security Defence Defense Foreign Affairs Finance Trade
Industry Health Education Justice Transport Public Home Interior Labour Labor Science
Technology Culture Sports Tourism Information Communications Planning Investment
Construction Agriculture Natural Resources Environment Social Welfare Invalids Rural
Development Front Fatherland Communist Socialist Republic Democratic Federal Royal
Imperial Prefecture Region Area Zone Centre Center Industrial Economic Special
Administrative Division Bureau Board Commission Authority Inspectorate Procuracy
Youth Women Women's Veterans Red Cross Olympic Olympics Cup League Championship Games
Award Prize Festival Day Year New Old Great Big Little Upper Lower Greater High Low
Act Law Code Decree Resolution Constitution Treaty Agreement Declaration Plan Program
Programme Project Report Index Exchange Stock Post Times News Daily Magazine Channel
TV Radio Online Express Youth Journal Review Press Statistics Customs Taxation Treasury Audit
Management Administration Services Service Relations Property Energy Power Electricity Oil
Gas Petroleum Airlines Airways Railway Railways Telecom Television Broadcasting Insurance
Securities Commerce Chamber Commercial Joint Holdings Holding Fund Trust Credit Financial
Banking Digital Innovation Research Celsius Fahrenheit Degrees Line Metro Route Terminal
Expressway Bridge Tunnel Dam Plant Factory Zone Park Office General
"""

#: English words that open a sentence and are no name
EN_STARTERS = """
The A An And But Or So Yet In On At For Of To With By From As If When Then This That These
Those There Here It Its He She We They You Your My Our His Her Their What Why How Who Where
Which Now Today Yesterday Tomorrow Tonight Last Next After Before Also However Meanwhile
According Since Until While Although Though Because Once Some Many Most All Each Every Both
No Not Yes Well Oh Okay OK Just Only Even Still Again Please Let Thank Thanks Let's Maybe
Perhaps Indeed Instead Besides Moreover Furthermore Finally First Second Third Then Later
Earlier Recently Currently Previously Under Over About Around Among Between Into Through
During Without Within Despite Against Behind Beyond Like Unlike Other Another Such Few
Several More Less Much One Two Three Four Five Six Seven Eight Nine Ten Do Does Did Is Are
Was Were Be Been Have Has Had Can Could Will Would Shall Should May Might Must Don't I'm
I've I'll I'd It's That's There's What's Here's Let's We're They're You're Applause
Laughter Music Video Audience Imagine Think Look See Say Said Go Come Get Make Take Give
Tell Ask Know Want Need Try Keep Put Set Turn Start Stop Remember Consider Note Never
Always Sometimes Often Usually Nobody Nothing Everyone Everybody Everything Something
Someone Somebody Anyone Anything Whatever Whoever Whenever Wherever Whether Either Neither
Nor Rather Than Too Very Really Actually Basically Certainly Clearly Obviously Of Mr Mrs
I'm I've I'll I'd You've You're You'll You'd We're We've We'll We'd They're They've They'll
They'd It's That's There's Here's What's Who's Let's Don't Doesn't Didn't Can't Won't Isn't
Aren't Wasn't Weren't Couldn't Wouldn't Shouldn't Ain't Gotta Gonna Wanna Otherwise Anybody
Hey Hi Hello Wow Ah Uh Um Yeah Right Good Great Sure Fine Sorry Thank Look Listen Wait
"""

#: English words before a name that make it a person
EN_TITLES = """
Mr Mrs Ms Miss Dr Prof Professor Sir Madam President Premier Chairman Chairwoman Secretary
General Gen Director Governor Mayor Ambassador Senator Congressman Congresswoman Minister
Deputy Captain Colonel Col Lieutenant Lt Commander Sergeant Sgt Judge Justice Rev Reverend
King Queen Prince Princess Emperor Pope Coach Officer Chief CEO PM
"""

#: common Vietnamese family names: a run of 2-4 syllables that starts with one
#: is a person's name
VI_SURNAMES = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Đoàn Lâm
Mai Trịnh Trương Lưu Cao Hà Tạ Tô Lương Chu Phùng Thái Tăng Vương Triệu Quách Kiều Lại Mạc
Tôn Thân Hứa Diệp Nghiêm La Châu Từ Giang Âu Doãn Kim Lục Lã Ông Quan Tống Viên Bạch Khúc
Hầu Ninh Nông Mẫn Đàm Đồng Phí Bế Khổng Văn Thạch Lò Lữ Ung Yên Kha Khương Lạc Mông Nhâm
"""
