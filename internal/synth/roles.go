package synth

// role is one kind of job: how its postings are titled, which Wanted categories they carry,
// what the work is, and the skills they ask for, most asked first.
type role struct {
	weight  float64  // share among postings
	ko      []string // Korean title bases
	en      []string // English title bases
	cats    []int    // Wanted child category ids under 518 (개발)
	field   string   // the field in Korean, for years lines: "{field} 경력 3년 이상"
	fieldEn string   // the same in English: "3+ years of {fieldEn} experience"
	objs    []string // what the work builds, in Korean ({T} in templates)
	objsEn  []string // the same in English
	tasks   []tmpl   // 주요업무 templates; a task naming {A} fits the skill kinds it says
	tasksEn []tmpl   // "what you will do" templates
	pool    []string // skill keys, most asked first
	// advanced is the chance that a degree line asks for a master's or a doctorate.
	advanced float64
}

// Templates name their slots in braces: {A} and {B} a skill, {T} an object of the role, {K}
// the company, {D} a domain, {P} a product, {R} the role's field, {N} and {M} numbers, {Y} a
// team area, {S} a funding series. A Korean particle may follow a slot after a colon:
// {A:을} writes "Python을" or "Docker를".

var roles = []role{
	{
		weight: 11,
		ko:     []string{"ML 엔지니어", "머신러닝 엔지니어", "Machine Learning Engineer", "AI 엔지니어"},
		en:     []string{"Machine Learning Engineer", "ML Engineer", "Applied Scientist"},
		cats:   []int{1634},
		field:  "머신러닝", fieldEn: "machine learning",
		objs:   []string{"추천 모델", "수요 예측 모델", "모델 학습 파이프라인", "랭킹 모델", "이상 탐지 모델", "검색 품질 개선 모델"},
		objsEn: []string{"ranking models", "training pipelines", "prediction models", "fraud detection models"},
		tasks: []tmpl{
			{0, "{T} 설계, 학습, 배포까지 전 과정을 주도적으로 담당합니다"},
			{kindData, "{A:로} 수억 건 규모의 행동 로그에서 학습 데이터를 만들고 품질을 관리합니다"},
			{0, "실서비스에 배포된 모델의 성능을 모니터링하고 지속적으로 개선합니다"},
			{0, "온라인 실험을 설계하여 모델 변경이 지표에 주는 효과를 검증합니다"},
			{0, "최신 논문과 오픈소스를 검토하고 우리 서비스에 맞게 적용합니다"},
			{0, "추론 서버의 응답 속도와 GPU 비용을 함께 줄이는 방법을 찾습니다"},
			{kindInfra | kindLib, "{A} 기반 학습 파이프라인을 구축하고 재학습을 자동화합니다"},
			{0, "데이터 사이언티스트, 백엔드 엔지니어와 협업하여 {T:을} 고도화합니다"},
		},
		tasksEn: []tmpl{
			{0, "Design, train and deploy {T} that serve millions of users every day"},
			{kindData, "Build training data pipelines with {A} and keep the data clean"},
			{0, "Monitor model quality in production and improve it release after release"},
			{0, "Optimise inference latency and serving cost without hurting quality"},
			{0, "Turn recent research into features our customers actually use"},
		},
		pool: []string{"python", "pytorch", "ml", "tensorflow", "dl", "sql", "docker", "kubernetes", "aws",
			"spark", "sklearn", "pandas", "recsys", "nlp", "cv", "mlflow", "airflow", "llm", "serving",
			"triton", "onnx", "cuda", "cpp", "kubeflow", "huggingface", "gcp", "git", "linux", "kafka",
			"fastapi", "abtest", "mlops"},
		advanced: 0.45,
	},
	{
		weight: 7,
		ko:     []string{"데이터 사이언티스트", "Data Scientist", "데이터 사이언티스트 (Data Scientist)"},
		en:     []string{"Data Scientist", "Product Data Scientist", "Data Scientist, Analytics"},
		cats:   []int{1024},
		field:  "데이터 분석", fieldEn: "data science",
		objs:   []string{"수요 예측 모델", "고객 이탈 예측 모델", "가격 최적화 모델", "분석 리포트", "마케팅 효율 분석 체계", "이상 거래 탐지 모델"},
		objsEn: []string{"forecasting models", "churn models", "pricing experiments", "analytical reports"},
		tasks: []tmpl{
			{0, "비즈니스 핵심 지표를 정의하고 누구나 볼 수 있는 대시보드를 구축합니다"},
			{kindLang | kindLib, "{A:을} 활용해 {T:을} 개발하고 실제 의사결정에 연결합니다"},
			{0, "실험을 설계하고 결과를 분석하여 제품 방향 결정을 돕습니다"},
			{0, "사용자 행동 데이터를 분석해 제품 개선 기회를 찾고 우선순위를 제안합니다"},
			{0, "{T:을} 개발하고 운영하며, 예측과 실제의 차이를 꾸준히 추적합니다"},
			{0, "경영진과 유관 부서의 의사결정을 위한 분석 리포트를 작성합니다"},
		},
		tasksEn: []tmpl{
			{kindTool | kindLang, "Define product metrics and build dashboards with {A}"},
			{0, "Design experiments and analyse their results with rigour"},
			{0, "Build {T} that guide product and pricing decisions"},
			{0, "Present findings to leadership and product teams in plain language"},
		},
		pool: []string{"python", "sql", "statistics", "ml", "pandas", "sklearn", "r", "abtest", "tableau",
			"spark", "dl", "pytorch", "tensorflow", "bigquery", "causal", "timeseries", "numpy", "airflow",
			"aws", "recsys", "nlp", "git"},
		advanced: 0.5,
	},
	{
		weight: 16,
		ko:     []string{"백엔드 개발자 (Java/Spring)", "백엔드 엔지니어 (Java/Kotlin)", "Server Developer (Java/Spring)", "서버 개발자 (Spring)", "백엔드 개발자"},
		en:     []string{"Backend Engineer (Java)", "Software Engineer, Backend", "Backend Engineer (Kotlin/Spring)"},
		cats:   []int{872, 660},
		field:  "백엔드 개발", fieldEn: "backend development",
		objs:   []string{"API 서버", "대용량 트래픽 처리 시스템", "결제 시스템", "주문 처리 시스템", "백오피스 시스템", "정산 시스템"},
		objsEn: []string{"backend services", "payment systems", "high-traffic APIs", "order management systems"},
		tasks: []tmpl{
			{0, "하루 수천만 건의 요청을 처리하는 {T:을} 설계하고 개발합니다"},
			{kindLib, "{A} 기반 RESTful API를 개발하고 안정적으로 운영합니다"},
			{0, "레거시 모놀리식 시스템을 도메인 단위의 서비스로 분리하여 전환합니다"},
			{0, "트래픽 증가에 대비한 서버 아키텍처를 설계하고 병목을 찾아 개선합니다"},
			{0, "서비스 장애에 대응하고 재발 방지 대책을 세워 함께 실행합니다"},
			{0, "코드 리뷰와 테스트 자동화로 팀 전체의 코드 품질을 관리합니다"},
		},
		tasksEn: []tmpl{
			{kindLang | kindLib, "Design and build {T} with {A}"},
			{0, "Own services end to end, from design docs to on-call"},
			{0, "Improve the reliability and performance of our core APIs"},
			{0, "Break a monolith into well-bounded services, one domain at a time"},
		},
		pool: []string{"java", "springboot", "spring", "jpa", "mysql", "kotlin", "aws", "redis", "kafka",
			"docker", "kubernetes", "sql", "msa", "postgresql", "git", "junit", "linux", "elasticsearch",
			"cicd", "tdd", "grpc", "mongodb", "jenkins", "ddd", "nginx"},
		advanced: 0.03,
	},
	{
		weight: 6,
		ko:     []string{"서버 개발자 (Go)", "백엔드 엔지니어 (Golang)", "Backend Engineer (Go)", "Go 백엔드 개발자"},
		en:     []string{"Backend Engineer (Go)", "Software Engineer, Infrastructure", "Platform Engineer (Go)"},
		cats:   []int{872},
		field:  "서버 개발", fieldEn: "backend development",
		objs:   []string{"API 서버", "메시징 서버", "실시간 처리 시스템", "분산 시스템", "게이트웨이 서버"},
		objsEn: []string{"distributed systems", "streaming services", "internal platforms", "API gateways"},
		tasks: []tmpl{
			{kindLang, "{A:로} 초당 수만 건의 요청을 처리하는 {T:을} 개발합니다"},
			{0, "{T:을} 설계하고 운영하며 장애 없이 확장할 수 있는 구조를 만듭니다"},
			{0, "분산 시스템의 안정성과 확장성을 개선하고 운영 부담을 줄입니다"},
			{0, "서비스 간 통신 구조와 API 규약을 설계하고 개선합니다"},
			{0, "모니터링 지표와 알림을 설계하고 장애 대응 과정을 다듬습니다"},
		},
		tasksEn: []tmpl{
			{kindLang, "Build {T} in {A}"},
			{0, "Improve the scalability and resilience of our platform"},
			{0, "Design service-to-service communication and public APIs"},
			{0, "Define SLOs, build alerts and respond to incidents"},
		},
		pool: []string{"go", "grpc", "kubernetes", "docker", "postgresql", "redis", "kafka", "aws", "mysql",
			"msa", "linux", "sql", "gcp", "prometheus", "git", "cicd", "terraform", "elasticsearch",
			"python", "rust", "grafana", "mongodb"},
		advanced: 0.03,
	},
	{
		weight: 7,
		ko:     []string{"백엔드 개발자 (Python/Django)", "Python 백엔드 개발자", "서버 개발자 (Python)", "백엔드 엔지니어 (FastAPI)"},
		en:     []string{"Backend Engineer (Python)", "Software Engineer, Backend (Python)"},
		cats:   []int{872, 899},
		field:  "백엔드 개발", fieldEn: "backend development",
		objs:   []string{"API 서버", "관리자 페이지 백엔드", "데이터 수집 서버", "예약 시스템", "알림 시스템"},
		objsEn: []string{"REST APIs", "internal tools", "data ingestion services", "booking systems"},
		tasks: []tmpl{
			{kindLib, "{A} 기반 {T:을} 개발하고 운영합니다"},
			{0, "신규 서비스의 백엔드를 설계하고 첫 배포까지 책임집니다"},
			{0, "비동기 작업 처리 구조를 개선하여 처리 지연과 실패를 줄입니다"},
			{0, "데이터베이스 스키마를 설계하고 느린 쿼리를 찾아 최적화합니다"},
			{0, "외부 파트너사와 연동하는 API를 개발하고 연동 품질을 관리합니다"},
		},
		tasksEn: []tmpl{
			{kindLib, "Build and run {T} with {A}"},
			{0, "Design database schemas and optimise slow queries"},
			{0, "Integrate partner APIs and keep the integrations healthy"},
			{0, "Improve background job processing and its failure handling"},
		},
		pool: []string{"python", "django", "fastapi", "postgresql", "aws", "docker", "redis", "mysql", "sql",
			"celery", "flask", "kubernetes", "git", "linux", "kafka", "elasticsearch", "cicd", "mongodb",
			"graphql", "nginx", "tdd"},
		advanced: 0.03,
	},
	{
		weight: 5,
		ko:     []string{"백엔드 개발자 (Node.js)", "Node.js 서버 개발자", "백엔드 엔지니어 (NestJS)"},
		en:     []string{"Backend Engineer (Node.js)", "Software Engineer (TypeScript/Node.js)"},
		cats:   []int{872, 873},
		field:  "서버 개발", fieldEn: "backend development",
		objs:   []string{"API 서버", "실시간 채팅 서버", "커머스 백엔드", "인증 서버"},
		objsEn: []string{"APIs", "real-time services", "commerce backends"},
		tasks: []tmpl{
			{kindLib | kindLang, "{A} 기반 {T:을} 개발하고 운영합니다"},
			{0, "서비스 아키텍처를 설계하고 늘어나는 트래픽에 맞춰 개선합니다"},
			{0, "프론트엔드 개발자와 협업하여 API 스펙을 정의하고 문서화합니다"},
			{0, "서버 인프라를 운영하고 클라우드 비용을 최적화합니다"},
		},
		tasksEn: []tmpl{
			{kindLib | kindLang, "Build {T} with {A}"},
			{0, "Define API contracts together with frontend engineers"},
			{0, "Operate our cloud infrastructure and keep costs in check"},
		},
		pool: []string{"nodejs", "typescript", "javascript", "nestjs", "aws", "mysql", "postgresql", "redis",
			"docker", "mongodb", "graphql", "sql", "git", "kubernetes", "jest", "kafka", "msa", "cicd"},
		advanced: 0.02,
	},
	{
		weight: 12,
		ko:     []string{"프론트엔드 개발자", "프론트엔드 엔지니어", "Frontend Engineer", "웹 프론트엔드 개발자 (React)"},
		en:     []string{"Frontend Engineer", "Software Engineer, Frontend", "Frontend Engineer (React)"},
		cats:   []int{669, 873},
		field:  "프론트엔드 개발", fieldEn: "frontend development",
		objs:   []string{"웹 서비스", "디자인 시스템", "어드민 페이지", "웹뷰 화면", "대시보드"},
		objsEn: []string{"web applications", "a design system", "admin tools", "dashboards"},
		tasks: []tmpl{
			{kindLib | kindLang, "{A} 기반 {T:을} 개발하고 사용자 피드백에 맞춰 개선합니다"},
			{0, "디자이너, 백엔드 개발자와 긴밀하게 협업하여 신규 기능을 빠르게 출시합니다"},
			{0, "웹 성능을 측정하고 최적화하여 사용자 경험을 개선합니다"},
			{0, "여러 제품에서 함께 쓰는 공통 컴포넌트와 {T:을} 구축합니다"},
			{0, "프론트엔드 테스트와 배포 과정을 자동화하여 안정적으로 릴리스합니다"},
		},
		tasksEn: []tmpl{
			{kindLib | kindLang, "Build {T} with {A}"},
			{0, "Work with designers to ship polished user experiences"},
			{0, "Improve web performance and accessibility across our products"},
			{0, "Own frontend testing and release automation"},
		},
		pool: []string{"react", "typescript", "javascript", "htmlcss", "nextjs", "redux", "vue", "jest",
			"webpack", "git", "tailwind", "graphql", "nodejs", "cicd", "aws", "docker"},
		advanced: 0.02,
	},
	{
		weight: 8,
		ko:     []string{"데이터 엔지니어", "Data Engineer", "데이터 플랫폼 엔지니어", "빅데이터 엔지니어"},
		en:     []string{"Data Engineer", "Software Engineer, Data Platform", "Analytics Engineer"},
		cats:   []int{655, 1025},
		field:  "데이터 엔지니어링", fieldEn: "data engineering",
		objs:   []string{"배치 처리 시스템", "데이터 웨어하우스", "실시간 스트리밍 처리 시스템", "데이터 레이크", "로그 수집 시스템"},
		objsEn: []string{"batch pipelines", "a data warehouse", "streaming pipelines", "a data lake"},
		tasks: []tmpl{
			{0, "전사에서 사용하는 {T:을} 설계, 구축하고 안정적으로 운영합니다"},
			{kindData, "{A:을} 이용해 하루 수십억 건의 로그를 처리합니다"},
			{0, "데이터 품질 검증과 모니터링 체계를 세우고 이상이 생기면 먼저 알아챕니다"},
			{0, "분석가와 사이언티스트가 바로 쓸 수 있는 데이터 마트를 설계합니다"},
			{kindInfra | kindTool, "{A} 기반으로 워크플로를 관리하고 재처리를 자동화합니다"},
		},
		tasksEn: []tmpl{
			{0, "Build and operate {T}"},
			{kindData, "Process billions of events a day with {A}"},
			{0, "Own data quality checks and monitoring"},
			{0, "Model data marts for analysts and scientists"},
		},
		pool: []string{"python", "sql", "spark", "airflow", "kafka", "aws", "hadoop", "pipelines", "bigquery",
			"scala", "java", "docker", "kubernetes", "etl", "dbt", "flink", "snowflake", "postgresql",
			"mysql", "gcp", "elasticsearch", "terraform", "git", "linux"},
		advanced: 0.08,
	},
	{
		weight: 6,
		ko:     []string{"DevOps 엔지니어", "데브옵스 엔지니어", "인프라 엔지니어", "SRE 엔지니어", "클라우드 엔지니어"},
		en:     []string{"DevOps Engineer", "Site Reliability Engineer", "Cloud Infrastructure Engineer"},
		cats:   []int{674},
		field:  "인프라 운영", fieldEn: "infrastructure",
		objs:   []string{"클라우드 인프라", "배포 파이프라인", "모니터링 시스템", "컨테이너 플랫폼", "로깅 시스템"},
		objsEn: []string{"cloud infrastructure", "deployment pipelines", "observability tooling", "container platforms"},
		tasks: []tmpl{
			{0, "서비스가 성장해도 흔들리지 않는 {T:을} 설계, 구축하고 운영합니다"},
			{kindTool, "{A:을} 활용해 반복되는 운영 업무를 자동화하고 시스템의 가시성을 높입니다"},
			{0, "서비스 가용성 목표를 세우고 장애 대응 체계를 개선합니다"},
			{0, "개발팀이 하루에도 여러 번 안전하게 배포할 수 있도록 생산성을 높입니다"},
			{0, "보안 정책을 수립하고 클라우드 비용을 꾸준히 최적화합니다"},
		},
		tasksEn: []tmpl{
			{0, "Build and run {T}"},
			{kindTool, "Automate repetitive operations and improve visibility with {A}"},
			{0, "Lead incident response and blameless postmortems"},
			{0, "Improve developer productivity and release speed"},
		},
		pool: []string{"kubernetes", "aws", "docker", "terraform", "linux", "cicd", "prometheus", "grafana",
			"jenkins", "ansible", "helm", "argocd", "python", "go", "ghactions", "gcp", "istio", "nginx",
			"datadog", "kafka", "azure", "mysql", "git"},
		advanced: 0.02,
	},
	{
		weight: 3,
		ko:     []string{"MLOps 엔지니어", "ML 플랫폼 엔지니어", "MLOps Engineer"},
		en:     []string{"MLOps Engineer", "ML Platform Engineer"},
		cats:   []int{1634, 674},
		field:  "MLOps", fieldEn: "ML infrastructure",
		objs:   []string{"학습 플랫폼", "모델 배포 시스템", "피처 스토어", "추론 서버", "실험 관리 시스템"},
		objsEn: []string{"training platforms", "model deployment systems", "feature stores", "inference services"},
		tasks: []tmpl{
			{0, "연구자와 엔지니어가 함께 쓰는 {T:을} 설계하고 운영합니다"},
			{kindInfra, "{A} 기반으로 학습부터 배포까지의 과정을 자동화합니다"},
			{0, "GPU 자원을 효율적으로 나누어 쓰도록 관리하고 비용을 최적화합니다"},
			{0, "배포된 모델의 성능과 데이터 드리프트를 모니터링합니다"},
		},
		tasksEn: []tmpl{
			{kindInfra, "Build {T} on {A}"},
			{0, "Automate training and deployment workflows"},
			{0, "Manage GPU capacity and cost across teams"},
		},
		pool: []string{"kubernetes", "python", "docker", "mlflow", "kubeflow", "aws", "serving", "airflow",
			"terraform", "pytorch", "triton", "cicd", "mlops", "gcp", "prometheus", "go", "spark", "linux",
			"onnx", "cuda", "helm", "fastapi"},
		advanced: 0.1,
	},
	{
		weight: 4,
		ko:     []string{"안드로이드 개발자", "Android Developer", "안드로이드 앱 개발자 (Kotlin)"},
		en:     []string{"Android Engineer", "Software Engineer, Android"},
		cats:   []int{677},
		field:  "안드로이드 앱 개발", fieldEn: "Android development",
		objs:   []string{"안드로이드 앱", "공통 모듈", "결제 화면", "신규 기능"},
		objsEn: []string{"our Android app", "shared modules", "checkout flows"},
		tasks: []tmpl{
			{0, "수백만 명이 쓰는 {T:을} 설계하고 개발합니다"},
			{kindLib | kindLang, "{A} 기반으로 화면을 개발하고 앱 구조를 개선합니다"},
			{0, "앱 성능과 크래시 지표를 분석하여 안정성을 높입니다"},
			{0, "디자이너, 기획자와 협업하여 사용자 경험을 개선합니다"},
		},
		tasksEn: []tmpl{
			{kindLib | kindLang, "Build features for {T} with {A}"},
			{0, "Improve app performance and stability"},
			{0, "Work closely with design and product on every release"},
		},
		pool: []string{"kotlin", "android", "java", "compose", "coroutines", "rxjava", "git", "mvvm", "cicd",
			"firebase", "graphql", "junit"},
		advanced: 0.02,
	},
	{
		weight: 4,
		ko:     []string{"iOS 개발자", "iOS Developer", "iOS 앱 개발자 (Swift)"},
		en:     []string{"iOS Engineer", "Software Engineer, iOS"},
		cats:   []int{678},
		field:  "iOS 앱 개발", fieldEn: "iOS development",
		objs:   []string{"iOS 앱", "공통 모듈", "결제 화면", "신규 기능"},
		objsEn: []string{"our iOS app", "shared frameworks", "onboarding flows"},
		tasks: []tmpl{
			{0, "수백만 명이 쓰는 {T:을} 설계하고 개발합니다"},
			{kindLang | kindLib, "{A:로} 신규 화면을 개발하고 기존 화면을 개선합니다"},
			{0, "앱 빌드와 배포를 자동화하고 출시 품질을 관리합니다"},
			{0, "앱 실행 속도와 크래시 지표를 분석하여 안정성을 높입니다"},
		},
		tasksEn: []tmpl{
			{kindLang | kindLib, "Build features for {T} in {A}"},
			{0, "Automate builds and releases"},
			{0, "Improve app launch time and stability"},
		},
		pool:     []string{"swift", "swiftui", "objc", "xcode", "rxswift", "git", "mvvm", "firebase", "cicd", "graphql"},
		advanced: 0.02,
	},
	{
		weight: 5,
		ko:     []string{"LLM 엔지니어", "AI 엔지니어 (NLP)", "자연어처리 엔지니어", "AI 리서치 엔지니어 (LLM)"},
		en:     []string{"LLM Engineer", "Machine Learning Engineer, NLP", "Research Engineer, LLM"},
		cats:   []int{1634},
		field:  "자연어처리", fieldEn: "NLP",
		objs:   []string{"문서 검색 시스템", "대화형 상담 서비스", "요약 모델", "분류 모델", "평가 체계"},
		objsEn: []string{"retrieval systems", "conversational agents", "evaluation suites", "fine-tuned models"},
		tasks: []tmpl{
			{0, "{T:을} 설계하고 실제 사용자 데이터로 성능을 개선합니다"},
			{kindLib | kindConcept, "{A} 기반 서비스를 개발하고 응답 품질을 관리합니다"},
			{0, "학습 데이터를 구축하고 모델 성능을 평가하는 기준을 만듭니다"},
			{0, "추론 서버를 운영하며 응답 속도와 비용을 함께 줄입니다"},
			{0, "도메인 전문가와 함께 평가 기준을 세우고 결과를 검토합니다"},
		},
		tasksEn: []tmpl{
			{kindLib | kindConcept, "Build {T} with {A}"},
			{0, "Curate training data and run careful evaluations"},
			{0, "Serve models efficiently at scale"},
		},
		pool: []string{"python", "pytorch", "llm", "nlp", "huggingface", "langchain", "rag", "dl", "vllm",
			"docker", "kubernetes", "aws", "fastapi", "ml", "elasticsearch", "cuda", "tensorflow",
			"serving", "sql", "git"},
		advanced: 0.5,
	},
	{
		weight: 4,
		ko:     []string{"데이터 분석가", "Data Analyst", "프로덕트 데이터 분석가", "그로스 데이터 분석가"},
		en:     []string{"Data Analyst", "Product Analyst"},
		cats:   []int{1024},
		field:  "데이터 분석", fieldEn: "analytics",
		objs:   []string{"지표 대시보드", "퍼널 분석", "코호트 분석", "마케팅 성과 분석"},
		objsEn: []string{"dashboards", "funnel analyses", "cohort analyses"},
		tasks: []tmpl{
			{0, "{T:을} 설계하고 운영하여 팀이 같은 숫자를 보고 이야기하게 합니다"},
			{kindLang | kindTool, "{A:로} 필요한 데이터를 직접 추출하고 가공합니다"},
			{0, "실험 결과를 분석하고 다음에 할 일을 제안합니다"},
			{0, "유관 부서의 데이터 요청에 대응하고 반복되는 요청은 자동화합니다"},
		},
		tasksEn: []tmpl{
			{0, "Own {T}"},
			{kindLang | kindTool, "Query and shape data with {A}"},
			{0, "Analyse experiments and recommend next steps"},
		},
		pool: []string{"sql", "python", "tableau", "statistics", "abtest", "bigquery", "pandas", "r", "excel",
			"ga", "spark", "ml"},
		advanced: 0.1,
	},
	{
		weight: 3,
		ko:     []string{"풀스택 개발자", "Full Stack Engineer", "웹 개발자 (풀스택)"},
		en:     []string{"Full Stack Engineer", "Software Engineer, Full Stack"},
		cats:   []int{873, 872},
		field:  "웹 개발", fieldEn: "web development",
		objs:   []string{"웹 서비스", "관리자 도구", "고객용 대시보드", "사내 시스템"},
		objsEn: []string{"web products", "internal tools", "customer dashboards"},
		tasks: []tmpl{
			{0, "{T:을} 기획 단계부터 배포와 운영까지 전 과정에 걸쳐 담당합니다"},
			{kindLib | kindLang, "{A} 기반으로 화면과 API를 함께 개발합니다"},
			{0, "서버와 클라이언트 구조를 개선하여 개발 속도를 높입니다"},
		},
		tasksEn: []tmpl{
			{0, "Ship {T} end to end"},
			{kindLib | kindLang, "Build features across the stack with {A}"},
		},
		pool: []string{"typescript", "react", "nodejs", "javascript", "nextjs", "aws", "postgresql", "mysql",
			"docker", "python", "graphql", "git", "django", "redis", "htmlcss", "cicd"},
		advanced: 0.02,
	},
	{
		weight: 3,
		ko:     []string{"컴퓨터 비전 엔지니어", "Computer Vision Engineer", "비전 AI 엔지니어"},
		en:     []string{"Computer Vision Engineer", "Perception Engineer"},
		cats:   []int{1634},
		field:  "컴퓨터 비전", fieldEn: "computer vision",
		objs:   []string{"객체 탐지 모델", "영상 분석 파이프라인", "온디바이스 추론 엔진", "이미지 분류 모델"},
		objsEn: []string{"detection models", "video analytics pipelines", "on-device inference"},
		tasks: []tmpl{
			{0, "{T:을} 연구하고 개발하여 실제 현장에 적용합니다"},
			{kindLib | kindTool, "{A:을} 활용해 모델을 경량화하고 추론 속도를 높입니다"},
			{0, "학습 데이터를 구축하고 라벨링 품질 기준을 관리합니다"},
			{0, "엣지 디바이스 배포에 맞게 모델과 파이프라인을 최적화합니다"},
		},
		tasksEn: []tmpl{
			{0, "Develop {T}"},
			{kindLib | kindTool, "Optimise models for edge devices with {A}"},
			{0, "Own dataset quality and labelling guidelines"},
		},
		pool: []string{"python", "pytorch", "cv", "dl", "cpp", "opencv", "tensorflow", "cuda", "onnx", "docker",
			"linux", "ml", "triton", "git", "ros", "aws"},
		advanced: 0.5,
	},
	{
		weight: 4,
		ko:     []string{"소프트웨어 엔지니어", "Software Engineer", "소프트웨어 개발자 (C++)"},
		en:     []string{"Software Engineer", "Software Engineer, Product", "Software Engineer, Platform"},
		cats:   []int{10110},
		field:  "소프트웨어 개발", fieldEn: "software engineering",
		objs:   []string{"핵심 엔진", "내부 플랫폼", "제품 기능", "개발 도구"},
		objsEn: []string{"core product features", "internal platforms", "developer tooling"},
		tasks: []tmpl{
			{0, "{T:을} 설계하고 개발하며, 설계 결정을 문서로 남깁니다"},
			{kindLang, "{A:로} 성능이 중요한 모듈을 개발하고 최적화합니다"},
			{0, "설계 문서를 작성하고 동료의 코드를 리뷰합니다"},
			{0, "테스트를 자동화하고 릴리스 품질을 개선합니다"},
		},
		tasksEn: []tmpl{
			{0, "Design and build {T}"},
			{kindLang, "Write performance-critical code in {A}"},
			{0, "Write design docs and review code"},
		},
		pool: []string{"java", "python", "cpp", "go", "linux", "git", "sql", "aws", "docker", "kubernetes",
			"rust", "kotlin", "typescript", "msa", "cicd", "grpc"},
		advanced: 0.1,
	},
}

// Korean requirement sentences for skills, by the kinds of skill they fit ({A} decides; a
// {B} is drawn among the same kinds).
var reqKo = []tmpl{
	{kindLang | kindLib, "{A:을} 활용한 {T} 개발 경험이 있으신 분"},
	{kindLang | kindLib | kindInfra, "{A} 기반으로 {T:을} 설계하고 개발해 본 경험"},
	{kindInfra, "{A:을} 실서비스 환경에서 직접 운영해 본 경험"},
	{kindDeploy, "{A} 환경에서 서비스를 배포하고 운영하며 장애에 대응해 본 경험"},
	{kindLang | kindLib | kindInfra | kindTool, "{A}, {B} 등 관련 기술에 대한 이해와 실무 적용 경험"},
	{kindLang | kindLib, "{A} 또는 {B} 중 하나 이상에 능숙하시고, 코드 품질에 책임감을 가지신 분"},
	{kindLang | kindLib, "{A:로} {T:을} 처음부터 구현해 본 경험"},
	{kindAny, "{A}에 대한 깊은 이해와 이를 바탕으로 문제를 해결해 본 실무 경험"},
	{kindLang | kindLib | kindInfra | kindTool, "{A}/{B:을} 사용해 실제 서비스를 만들어 본 경험"},
	{kindData, "{A:을} 이용한 대용량 데이터 처리 경험"},
	{kindLang, "{A}에 능숙하고 {B:을} 다뤄 본 경험이 있는 분"},
	{kindConcept, "{A} 분야의 프로젝트 또는 실무 경험이 있으신 분"},
	{kindConcept, "{A:을} 실서비스에 적용하고 효과를 검증해 본 경험"},
	{kindAny, "{A}에 대한 이해가 있고, {B:을} 실무에 활용해 보신 분"},
	{kindLang, "{A:로} 작성된 코드를 읽고 구조를 개선할 수 있는 분"},
	{kindCluster, "{A} 클러스터 구축 및 트러블슈팅 경험"},
	{kindConcept, "{A}에 대한 탄탄한 기본기와 꾸준히 학습하는 태도"},
	{kindTool, "{A} 사용에 능숙하신 분"},
	{kindTool, "{A:을} 실무에서 꾸준히 다뤄 본 경험"},
}

// Korean requirement sentences that state a preference inside 자격요건.
var reqPrefKo = []tmpl{
	{kindAny, "{A} 경험자 우대"},
	{kindAny, "{A} 경험이 있으면 더욱 좋습니다"},
}

// Korean preferred sentences for skills.
var prefKo = []tmpl{
	{kindAny, "{A} 사용 경험이 있으시고, 장단점을 설명할 수 있는 분"},
	{kindAny, "{A} 관련 프로젝트를 주도해 본 경험"},
	{kindLang | kindLib | kindInfra | kindTool, "{A}, {B:을} 함께 사용해 본 경험"},
	{kindAny, "{A}에 대한 관심과 꾸준한 학습 의지"},
	{kindLang | kindLib, "{A} 관련 오픈소스 프로젝트에 기여해 본 경험"},
	{kindInfra, "{A} 기반 인프라를 직접 운영해 본 경험"},
	{kindConcept, "{A} 관련 논문 또는 연구 경험"},
	{kindLang | kindLib, "{A:을} 활용한 사이드 프로젝트 경험"},
	{kindLang | kindLib | kindInfra | kindTool, "{A} 또는 {B} 경험이 있으면 좋습니다"},
}

// Korean preferred lines without a skill.
var prefPlainKo = []string{
	"스타트업에서 서비스를 처음부터 만들어 본 경험",
	"기술 블로그 운영 또는 컨퍼런스 발표 경험",
	"영문 기술 문서를 읽고 이해하는 데 어려움이 없는 분",
	"주도적으로 문제를 정의하고 동료를 설득해 해결해 본 경험",
	"동료와 적극적으로 코드 리뷰를 주고받으며 함께 성장하고 싶은 분",
	"{D} 도메인에 대한 관심과 이해",
	"대용량 트래픽 서비스를 운영하며 장애를 겪고 해결해 본 경험",
	"국내외 학회 논문 게재 경험 (NeurIPS, ICML, ACL 등)",
	"다양한 직군의 동료와 원활하게 소통할 수 있는 분",
}

// English requirement sentences for skills.
var reqEn = []tmpl{
	{kindLang, "Strong proficiency in {A} and a habit of writing clear, tested code"},
	{kindLang | kindLib | kindInfra, "Experience designing and building {T} with {A}"},
	{kindInfra, "Hands-on experience operating {A} in production, including debugging it under pressure"},
	{kindAny, "Solid understanding of {A} and {B}"},
	{kindLang | kindLib | kindInfra | kindTool, "Experience with {A} or {B} in a production environment"},
	{kindLib | kindInfra | kindTool, "Familiarity with {A}, {B}, or similar tools"},
	{kindConcept, "Practical experience applying {A} to real products and measuring the results"},
	{kindAny, "Deep knowledge of {A}"},
	{kindData, "Experience processing large datasets with {A}"},
}

var reqPrefEn = []tmpl{
	{kindAny, "Experience with {A} is a plus"},
}

var prefEn = []tmpl{
	{kindAny, "Experience with {A} at scale"},
	{kindAny, "Familiarity with {A}"},
	{kindLang | kindLib, "Contributions to open-source {A} projects"},
	{kindAny, "Exposure to {A} and {B}"},
	{kindConcept, "Publications or research experience in {A}"},
}

var prefPlainEn = []string{
	"Experience in a fast-paced startup environment where priorities change quickly",
	"Publications at top-tier venues such as NeurIPS, ICML or ACL",
	"Professional working proficiency in Korean",
	"A track record of mentoring other engineers and raising the bar of a team",
	"Interest in the {D} industry and empathy for our customers",
}

// tmpl is a sentence for the skill kinds in fits.
type tmpl struct {
	fits kind
	text string
}

// Years lines. {N} is the least, {M} the most years, {R} the field.
var (
	yearsMinKo = []string{
		"경력 {N}년 이상",
		"{R} 경력 {N}년 이상",
		"관련 분야 실무 경력 {N}년 이상",
		"{N}년 이상의 {R} 경력",
		"{R} 또는 관련 분야 {N}년 이상 경력",
		"경력 {N}년 이상 또는 그에 준하는 역량을 갖추신 분",
	}
	yearsRangeKo = []string{
		"경력 {N}~{M}년",
		"{N}년 이상 {M}년 이하의 실무 경력",
		"{R} 경력 {N}년 ~ {M}년",
	}
	yearsNewKo = []string{
		"신입 지원 가능",
		"경력 무관 (신입 지원 가능)",
		"신입 및 주니어 환영",
	}
	yearsNewMaxKo = []string{
		"신입 또는 경력 {M}년 이하",
		"{R} 경력 {M}년 이하 (신입 지원 가능)",
	}
	yearsMinEn = []string{
		"{N}+ years of experience in {R}",
		"At least {N} years of professional {R} experience",
		"{N}+ years of industry experience",
	}
	yearsRangeEn = []string{
		"{N}-{M} years of experience in {R}",
		"{N} to {M} years of professional experience",
	}
	yearsNewEn = []string{
		"New graduates are welcome to apply",
		"Recent graduates or engineers with up to {M} years of experience",
	}
)

// Degree lines by level: a bachelor's, an advanced degree, none.
var (
	degreeBachelorKo = []string{
		"컴퓨터공학 또는 관련 전공 학사 이상",
		"컴퓨터공학 등 관련 전공 학사 이상",
		"4년제 대학 관련 전공 졸업 이상",
	}
	degreeAdvancedKo = []string{
		"통계학, 수학, 컴퓨터공학 등 관련 전공 석사 이상",
		"관련 전공 석사 이상 또는 이에 준하는 연구 경험",
		"박사 학위 소지자 또는 박사 과정 수료자",
	}
	degreeNoneKo = []string{
		"학력 무관",
	}
	degreeBachelorEn = []string{
		"BS in Computer Science or a related field",
		"Bachelor's degree in a technical field or equivalent practical experience",
	}
	degreeAdvancedEn = []string{
		"MS or PhD in Computer Science, Statistics, or a related field",
		"PhD in Machine Learning or equivalent research experience",
	}
)

// Company intro sentences. The first is about the company; the others follow in any order.
var (
	introLeadKo = []string{
		"{K:은} {D} 분야에서 {P:을} 만드는 스타트업입니다. 복잡하고 불편했던 경험을 누구나 쉽게 쓸 수 있도록 바꾸는 것이 우리의 목표입니다.",
		"{K:은} {P:을} 운영하며, 출시 {M}년 만에 누적 가입자 {N}만 명을 넘었습니다. 고객이 매일 여는 서비스를 만들기 위해 작은 불편도 놓치지 않습니다.",
		"{K:은} 기술로 {D} 시장의 비효율을 해결하기 위해 {P:을} 만들고 있습니다. 현장의 문제를 데이터로 정의하고 소프트웨어로 풉니다.",
	}
	introMoreKo = []string{
		"지난해 시리즈 {S} 투자를 유치했고, 매년 2배 이상 성장하며 함께할 동료를 찾고 있습니다.",
		"100년 이상의 역사를 가진 그룹사의 R&D 조직에서 분사해 설립되었으며, 그룹의 오랜 현장 경험과 스타트업의 속도를 함께 갖추고 있습니다.",
		"Google, 네이버, 카카오 출신 엔지니어들이 함께 일하며 서로의 코드를 리뷰하고 배운 것을 나눕니다.",
		"사내 R&D 센터에서 핵심 기술을 직접 개발하며, 연구 결과가 몇 주 안에 제품에 반영됩니다.",
		"국내외 {N}개 이상의 기업 고객이 {K}의 서비스를 이용하고 있으며, 고객사의 재계약률은 90%를 넘습니다.",
		"수평적인 문화 속에서 직급 대신 역할로 일하며, 누구나 의견을 내고 빠르게 실험하며 함께 배웁니다.",
		"모든 구성원이 데이터를 근거로 결정하고, 결정의 이유를 문서로 남겨 새로 합류한 동료도 맥락을 쉽게 따라올 수 있습니다.",
		"설립 {M}년 만에 연 매출 {N}억 원을 달성했고, 올해는 해외 시장 진출을 준비하고 있습니다.",
		"Google Cloud 스타트업 프로그램에 선정되어 글로벌 진출을 준비하고 있으며, 일본과 동남아 시장에서 첫 고객을 만나고 있습니다.",
		"{Y} 조직은 {M}0명 규모로, 제품 기획부터 개발과 운영까지 한 팀 안에서 함께 결정합니다.",
	}
	introLeadEn = []string{
		"{K} builds {P} for the {D} industry. We started with a simple idea: the tools people use at work should be as good as the apps they use at home, and every year more teams agree with us.",
		"At {K}, we are on a mission to make {D} simple for everyone through {P}. Millions of people already rely on what we build, and we are only getting started on the problems worth solving.",
	}
	introMoreEn = []string{
		"We are a Series {S} company backed by leading investors in Asia and the US, and we are hiring across engineering, product and design.",
		"Our team includes engineers from Google, Meta and Naver who care deeply about craft and about each other.",
		"We have grown more than 2x every year since launch and are now expanding across Asia with offices in three countries.",
		"Our R&D centers in Seoul and Singapore work on the core technology behind the product and publish what they learn.",
		"More than {N} companies rely on our platform every day, from two-person startups to listed enterprises.",
		"We value ownership, written communication and fast iteration, and we keep meetings short.",
		"Our {Y} team is small, senior and responsible for a part of the product that customers touch every day.",
	}
)

// domain is a market and a product in it, in Korean and English.
type domain struct{ ko, product, en, productEn string }

var domains = []domain{
	{"핀테크", "간편 송금 앱", "fintech", "a money transfer app"},
	{"핀테크", "개인 자산관리 서비스", "fintech", "a personal finance service"},
	{"헬스케어", "원격 진료 플랫폼", "healthcare", "a telemedicine platform"},
	{"헬스케어", "의료 영상 판독 솔루션", "healthcare", "medical imaging software"},
	{"이커머스", "패션 커머스 플랫폼", "e-commerce", "a fashion marketplace"},
	{"모빌리티", "차량 공유 서비스", "mobility", "a car sharing service"},
	{"에듀테크", "AI 튜터 앱", "education", "an AI tutoring app"},
	{"프롭테크", "부동산 중개 플랫폼", "real estate", "a property marketplace"},
	{"물류", "풀필먼트 서비스", "logistics", "a fulfilment network"},
	{"광고", "모바일 광고 플랫폼", "advertising", "a mobile ad platform"},
	{"콘텐츠", "웹툰 플랫폼", "media", "a webcomics platform"},
	{"리걸테크", "계약서 검토 서비스", "legal", "contract review software"},
	{"푸드테크", "식자재 유통 플랫폼", "food", "a food supply platform"},
	{"HR테크", "채용 관리 솔루션", "HR", "hiring software"},
	{"여행", "숙박 예약 서비스", "travel", "a hotel booking service"},
	{"보안", "클라우드 보안 솔루션", "security", "cloud security software"},
	{"게임", "모바일 게임", "gaming", "mobile games"},
	{"제조", "스마트 팩토리 솔루션", "manufacturing", "smart factory software"},
	{"음성 AI", "음성 인식 엔진", "voice AI", "a speech recognition engine"},
	{"B2B SaaS", "협업 툴", "B2B SaaS", "a collaboration tool"},
}

// Team areas for titles.
var (
	areasKo = []string{
		"결제", "정산", "추천", "검색", "광고", "커머스", "물류", "주문", "회원", "인증", "플랫폼",
		"데이터 플랫폼", "콘텐츠", "메시징", "알림", "지도", "예약", "배송", "리스크", "이상거래탐지",
		"보험", "대출", "투자", "자산관리", "헬스케어", "진단", "교육", "채용", "커뮤니티", "게임 서버",
		"라이브 커머스", "스트리밍", "음성인식", "번역", "OCR", "챗봇", "자율주행", "로보틱스", "제조",
		"에너지", "부동산", "여행", "숙박", "모빌리티", "배달", "식품", "패션", "뷰티", "반려동물",
		"중고거래", "보안", "인프라", "사내 시스템", "백오피스", "파트너센터", "셀러", "어드민",
		"마케팅 자동화", "CRM", "그로스", "글로벌", "B2B", "구독", "포인트", "쿠폰", "정산 자동화",
	}
	areasEn = []string{
		"Payments", "Search", "Ads", "Growth", "Platform", "Data Platform", "Risk", "Marketplace",
		"Core Infrastructure", "Recommendations", "Identity", "Checkout", "Logistics", "Maps",
		"Trust & Safety", "Developer Experience", "Observability", "Messaging", "Commerce", "Billing",
		"Mobile", "Ranking", "Personalization", "Fraud", "Supply Chain", "Customer Experience",
		"Internal Tools", "Insights", "Lending", "Health", "Onboarding", "Notifications", "Pricing",
		"Storage", "Networking", "Security", "Compliance", "Merchant Tools", "Seller Platform",
		"Delivery", "Routing", "Fulfilment", "Subscriptions", "Loyalty", "Creator Tools", "Video",
		"Audio", "Translation", "Speech", "Vision", "Robotics", "Autonomy", "Simulation", "Batteries",
		"Energy", "Insurance", "Wealth", "Cards", "Crypto", "Travel", "Hotels", "Flights", "Food",
		"Groceries", "Education", "Hiring", "Social", "Community", "Gaming",
	}
)

var genericTasksKo = []string{
	"유관 부서와 협업하여 요구사항 정의",
	"기술 부채 개선과 코드 품질 관리",
	"신규 입사자 온보딩 및 기술 문서화",
	"서비스 운영 중 발생하는 이슈 대응",
}

// Clauses that may close an English task.
var taskTailsEn = []string{
	", working closely with product managers and designers",
	", measuring the impact of every change",
	" and share what you learn with the wider engineering team",
	", from the first design doc to production",
	" while keeping the system simple enough for new teammates to understand",
}

var genericTasksEn = []string{
	"Collaborate with product managers and designers on requirements",
	"Write design docs and review code",
	"Take part in the on-call rotation",
	"Mentor junior engineers",
}

var benefitsKo = []string{
	"3년 장기근속 포상 (유급 휴가 2주와 휴가비 지원)",
	"5년 근속 시 안식휴가 1개월",
	"Slack, Notion, Jira를 활용한 원격 협업",
	"Slack으로 소통하는 수평적인 문화와 영어 이름 사용",
	"점심·저녁 식대 지원과 야근 시 택시비 지원",
	"최신 맥북 프로와 모니터, 원하는 개발 장비 지급",
	"업무 관련 도서 구입비 무제한 지원",
	"자율 출퇴근제 (코어타임 11시~16시)",
	"주 2회 재택근무와 원격 근무 장비 지원",
	"본인과 가족을 위한 연 1회 종합 건강검진",
	"입사 시 스톡옵션 부여",
	"국내외 컨퍼런스 참가비와 교육비 지원",
	"생일 반차와 경조사 휴가·경조금 지원",
	"사내 카페 운영과 간식·음료 무제한 제공",
	"Google Workspace, GitHub Copilot 등 업무 도구 지원",
	"연 200만 원 복지 포인트",
	"2년마다 1주 리프레시 휴가와 휴가비",
	"반려동물 동반 출근 가능",
	"주 4.5일 근무 (금요일 오후 휴무)",
}

var benefitsEn = []string{
	"Competitive salary, equity and an annual performance bonus",
	"Flexible working hours and the option to work remotely",
	"Annual learning and conference budget of USD 2,000",
	"Comprehensive health insurance for you and your family",
	"Latest MacBook Pro and a home office stipend",
	"Slack-first, async-friendly culture across time zones",
	"Long-service award after 3 years with the company",
	"Unlimited paid time off and a mandatory two-week summer break",
}

var hireRoundsKo = []string{
	"서류 전형 → 1차 인터뷰 → 2차 인터뷰 → 처우 협의 → 최종 합격",
	"서류 전형 → 코딩 테스트 → 기술 면접 → 컬처핏 면접 → 처우 협의",
	"서류 전형 → 과제 전형 → 1차 기술 인터뷰 → 2차 임원 인터뷰 → 최종 합격",
	"서류 전형 → 사전 과제 → 기술 인터뷰 → 최종 인터뷰 → 처우 협의 → 입사",
}

const hireNoteKo = "• 전형 일정과 절차는 지원자 상황에 따라 변경될 수 있습니다."

// Office locations: a district with its streets, and how often postings name it.
type district struct {
	name    string
	streets []string
	weight  float64
}

var districts = []district{
	{"서울 강남구", []string{"테헤란로", "강남대로", "선릉로", "논현로", "봉은사로"}, 30},
	{"서울 서초구", []string{"서초대로", "강남대로", "반포대로"}, 10},
	{"서울 성동구", []string{"성수이로", "왕십리로", "아차산로"}, 8},
	{"서울 송파구", []string{"올림픽로", "송파대로", "법원로"}, 8},
	{"서울 마포구", []string{"양화로", "월드컵북로", "독막로"}, 7},
	{"서울 영등포구", []string{"여의대로", "국제금융로"}, 6},
	{"서울 중구", []string{"세종대로", "을지로"}, 5},
	{"서울 구로구", []string{"디지털로"}, 4},
	{"서울 종로구", []string{"종로", "청계천로"}, 3},
	{"서울 용산구", []string{"한강대로"}, 3},
	{"경기 성남시 분당구", []string{"판교역로", "분당내곡로"}, 10},
	{"경기 성남시 수정구", []string{"창업로"}, 2},
	{"경기 수원시 영통구", []string{"광교로"}, 1},
	{"부산 해운대구", []string{"센텀중앙로"}, 2},
	{"대전 유성구", []string{"대학로"}, 2},
	{"제주 제주시", []string{"첨단로"}, 1},
}

var locationsEn = []struct {
	name   string
	weight float64
}{
	{"Seoul, South Korea", 50},
	{"Remote", 15},
	{"Singapore", 10},
	{"San Francisco, CA", 10},
	{"Tokyo, Japan", 8},
	{"Remote - APAC", 7},
}
